/**
 * The version of the consent text a person agrees to when signing up. The text itself is in
 * each language's UI strings (core/strings/signup/<lang>.json, key `signup.form.consent`);
 * change this version whenever that text changes, so each signup records what it agreed to.
 */
export const consentVersion = '2026-11-24'

/**
 * A complete participant signup as the site's form posts it, hidden fields and consent included
 * (the activity target is a seeded one): for the tests and the benchmark, which override what they
 * need. An override of `undefined` leaves the field out.
 */
export function completeSignupForm(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const form: Record<string, string | undefined> = {
    kind: 'participant',
    target: 'activity:aarhus-cykelkursus',
    phone: '',
    language: 'da',
    message: '',
    consent: 'yes',
    consentVersion,
    website: '',
    ...overrides,
  }
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
