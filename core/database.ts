/**
 * `DATABASE_URI` names MongoDB when it starts with mongodb:// or mongodb+srv:// (Atlas); anything
 * else (unset, `file:`) is the embedded SQLite default. One test for the CMS and the scripts.
 */
export const isMongoUri = (uri: string | undefined): boolean => /^mongodb(\+srv)?:\/\//.test(uri ?? '')
