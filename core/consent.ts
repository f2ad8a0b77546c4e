/**
 * The version of the consent text a person agrees to when signing up. The text itself is in
 * each language's UI strings (core/strings/signup/<lang>.json, key `signup.form.consent`);
 * change this version whenever that text changes, so each signup records what it agreed to.
 */
export const consentVersion = '2026-11-24'
