import { getLocale, type LocaleCode } from '../../../core/locales'
import { companionAgeGroups, companionRows, maxParticipants, type CompanionAgeGroup } from '../../../core/signups'
import type { Envelope, FieldErrors } from './schema'
import { fontFaceCss, pageFontList } from './fonts'
import { signupText, type SignupKey } from './strings'
import { escapeHtml } from '../lib/html'


const css = `
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 ${pageFontList};color:#1a1a1a;background:#fff}
header{background:#b5121b;color:#fff;padding:.75rem 1rem;font-weight:700}main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.25;margin:.5rem 0 1rem}.summary{border:2px solid #b5121b;border-radius:.5rem;padding:.75rem 1rem;margin-block-end:1.25rem}
.summary h2{font-size:1.1rem;margin:0 0 .5rem;color:#b5121b}.notice{border-inline-start:4px solid #1a1a1a;background:#f3f3f3;padding:.75rem 1rem;margin-block-end:1.25rem}.notice h2{font-size:1.1rem;margin:0 0 .5rem}.summary ul{margin:0;padding-inline-start:1.25rem}a{color:#b5121b}
.field{margin-block-end:1rem}label{display:block;font-weight:600;margin-block-end:.25rem}.hint{display:block;font-size:.9rem;color:#555;margin-block-end:.25rem}
input[type=text],input[type=email],input[type=tel],textarea,select{width:100%;font:inherit;padding:.6rem;border:1px solid #767676;border-radius:.35rem}
input[aria-invalid=true],textarea[aria-invalid=true]{border:2px solid #b5121b}.error{color:#b5121b;font-weight:600;margin:.25rem 0 0}
.consent{display:flex;gap:.6rem;align-items:flex-start}.consent input{margin-block-start:.3rem;width:1.3rem;height:1.3rem;flex:none}.consent label{font-weight:400}
button{font:inherit;font-weight:700;background:#b5121b;color:#fff;border:0;border-radius:.35rem;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
details{margin:0 0 1rem}summary{font-weight:600;cursor:pointer;margin-block-end:.5rem}fieldset{border:1px solid #767676;border-radius:.35rem;padding:.5rem 1rem;margin:0 0 1rem}legend{font-weight:600}.companion{display:flex;flex-wrap:wrap;gap:.5rem}.companion>div{flex:1 1 12rem}.trap{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}.back{display:inline-block;margin-block-start:1.5rem}
`

/** The title in its own direction (a Danish title inside an Arabic sentence stays readable). */
function headingHtml({ template, title }: { template: string; title: string }) {
  return template
    .split('{title}')
    .map((part) => escapeHtml(part))
    .join(`<bdi>${escapeHtml(title)}</bdi>`)
}

const ageKeys: Record<CompanionAgeGroup, SignupKey> = { adult: 'places.age.adult', teen: 'places.age.teen', child: 'places.age.child', 'small-child': 'places.age.smallChild' }

/** "How many are you" and the rows for those who come along (participant forms only), as the site's form has them. */
function participantFields(language: LocaleCode, values: Envelope, errors: FieldErrors): string {
  const t = (key: SignupKey, params?: Record<string, string>) => escapeHtml(signupText(language, key, params))
  const error = (field: keyof FieldErrors) => (errors[field] ? `<p class="error" id="${field}-error">${t(errors[field]!)}</p>` : '')
  const invalid = (field: keyof FieldErrors) => (errors[field] ? ` aria-invalid="true" aria-describedby="${field}-error"` : '')
  const chosen = String(values.participants ?? '1')
  const options = Array.from({ length: maxParticipants }, (_, index) => String(index + 1))
    .map((count) => `<option value="${count}"${count === chosen ? ' selected' : ''}>${count}</option>`)
    .join('')
  // Folded like the site's form, unless something was written in the rows or is wrong there.
  const open = Boolean(errors.companions) || companionRows.some((row) => values[`companion${row}Name`]?.trim() || values[`companion${row}Age`] || errors[`companion${row}Name`] || errors[`companion${row}Age`])
  const rows = companionRows
    .map((row) => {
      const name = `companion${row}Name` as const
      const age = `companion${row}Age` as const
      const ageOptions = companionAgeGroups.map((group) => `<option value="${group}"${values[age] === group ? ' selected' : ''}>${t(ageKeys[group])}</option>`).join('')
      return `<div class="companion"><div><label for="${name}">${t('places.form.companionName', { number: String(row + 1) })}</label>
<input type="text" id="${name}" name="${name}" maxlength="100" autocomplete="off" value="${escapeHtml(values[name])}"${invalid(name)}>${error(name)}</div>
<div><label for="${age}">${t('places.form.companionAge', { number: String(row + 1) })}</label>
<select id="${age}" name="${age}"${invalid(age)}><option value="">${t('places.form.choose')}</option>${ageOptions}</select>${error(age)}</div></div>`
    })
    .join('\n')
  return `<div class="field"><label for="participants">${t('places.form.participants')}</label><span class="hint" id="participants-hint">${t('places.form.participantsHint')}</span>
<select id="participants" name="participants"${invalid('participants')}>${options}</select>${error('participants')}</div>
<details${open ? ' open' : ''}><summary>${t('places.form.companions')}</summary>
<fieldset id="companions"${errors.companions ? ' aria-describedby="companions-error"' : ''}><legend>${t('places.form.companions')}</legend><p class="hint">${t('places.form.companionsHint')}</p>${error('companions')}
${rows}</fieldset></details>`
}

export interface PageOptions {
  language: LocaleCode
  /** The form's heading when the target is known: the template ("Sign up for {title}") and the title. */
  heading?: { template: string; title: string }
  /** The form's own errors, next to its fields (422), or one message for the whole request. */
  errors?: FieldErrors
  message?: string
  /** What the person wrote, to send again (never stored). */
  values?: Envelope
  backUrl: string
  /** Not an error: something to confirm (a signup ceiling was reached), shown instead of the error summary. */
  notice?: { title: string; text: string }
  /** A challenge token to send with the form again (challenge.ts). */
  challenge?: string
  submitLabel?: string
}

/**
 * The answer to a form posted without JavaScript that could not be accepted: in the form's
 * language, the errors next to the fields, the values kept, and the same form to send again.
 */
export function renderErrorPage({ language, heading, errors = {}, message, values, backUrl, notice, challenge, submitLabel }: PageOptions): string {
  const t = (key: SignupKey, params?: Record<string, string>) => escapeHtml(signupText(language, key, params))
  const locale = getLocale(language)
  const { dir } = locale
  const title = t('signup.error.heading')
  const fieldError = (field: keyof FieldErrors) => {
    const key = errors[field]
    return key ? `<p class="error" id="${field}-error">${t(key)}</p>` : ''
  }
  const invalid = (...fields: (keyof FieldErrors)[]) => {
    const failed = fields.filter((field) => errors[field])
    return failed.length ? ` aria-invalid="true" aria-describedby="${failed.map((field) => `${field}-error`).join(' ')}"` : ''
  }
  const summary = Object.entries(errors)
    .map(([field, key]) => {
      const anchor = field === 'contact' ? 'email' : field === 'target' || field === 'language' || field === 'kind' ? '' : field
      const text = t(key as SignupKey)
      return `<li>${anchor ? `<a href="#${anchor}">${text}</a>` : text}</li>`
    })
    .join('')
  const form = values
    ? `<form method="post" action="/api/signups/submit" accept-charset="utf-8" novalidate>
<input type="hidden" name="kind" value="${escapeHtml(values.kind)}">
<input type="hidden" name="target" value="${escapeHtml(values.target)}">
<input type="hidden" name="language" value="${escapeHtml(language)}">
<input type="hidden" name="consentVersion" value="${escapeHtml(values.consentVersion)}">
${challenge ? `<input type="hidden" name="challenge" value="${escapeHtml(challenge)}">` : ''}
<div class="field"><label for="name">${t('signup.form.name')} (${t('signup.form.required')})</label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="100" required value="${escapeHtml(values.name)}"${invalid('name')}>${fieldError('name')}</div>
<p class="hint" id="contact-hint">${t('signup.form.contactHint')}</p>${fieldError('contact')}
<div class="field"><label for="email">${t('signup.form.email')}</label>
<input type="email" id="email" name="email" autocomplete="email" dir="ltr" value="${escapeHtml(values.email)}"${invalid('email', 'contact')}>${fieldError('email')}</div>
<div class="field"><label for="phone">${t('signup.form.phone')}</label>
<input type="tel" id="phone" name="phone" autocomplete="tel" dir="ltr" value="${escapeHtml(values.phone)}"${invalid('phone', 'contact')}>${fieldError('phone')}</div>
${values.kind === 'participant' ? participantFields(language, values, errors) : ''}
<div class="field"><label for="message">${t('signup.form.message')}</label><span class="hint" id="message-hint">${t(values.kind === 'participant' ? 'places.form.messageHint' : 'signup.form.messageHint')}</span>
<textarea id="message" name="message" rows="4" maxlength="1000"${invalid('message')}>${escapeHtml(values.message)}</textarea>${fieldError('message')}</div>
<div class="field"><div class="consent"><input type="checkbox" id="consent" name="consent" value="yes"${values.consent === 'yes' && !errors.consent ? ' checked' : ''}${invalid('consent')}>
<label for="consent">${t('signup.form.consent')}</label></div>${fieldError('consent')}</div>
<div class="trap" aria-hidden="true"><label for="website">Website</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${submitLabel ? escapeHtml(submitLabel) : t('signup.form.submit')}</button>
</form>`
    : ''
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>${fontFaceCss(locale.script)}${css}</style></head>
<body><header>Røde Kors</header><main>
${heading ? `<h1>${headingHtml(heading)}</h1>` : `<h1>${title}</h1>`}
${
  notice
    ? `<div class="notice" role="status"><h2>${escapeHtml(notice.title)}</h2><p>${escapeHtml(notice.text)}</p></div>`
    : `<div class="summary" role="alert"><h2>${title}</h2>${message ? `<p>${escapeHtml(message)}</p>` : ''}${summary ? `<ul>${summary}</ul>` : ''}</div>`
}
${form}
<a class="back" href="${escapeHtml(backUrl)}">${t('signup.backToSite')}</a>
</main></body></html>`
}
