import type { FlattenedField } from 'payload'

import { timeZone } from '../../../core/time'
import type { ChildCertificate, Signup } from '../payload-types'
import { escapeHtml } from '../lib/html'

/**
 * The readable half of a data subject's export (GET /api/personal-data?…&format=html): one
 * Danish page a citizen can read and print, beside the JSON for portability. It walks the
 * collections' own fields and labels, so a field added later shows up here without a change.
 */

/** "1 tilmelding", "2 tilmeldinger": never "1 tilmeldinger". */
const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
const danishCounts = {
  signups: (count: number) => counted(count, 'tilmelding', 'tilmeldinger'),
  childCertificates: (count: number) => counted(count, 'børneattest', 'børneattester'),
}


const danishDateTime = (value: string) =>
  new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(value))
const danishDate = (value: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone }).format(new Date(value))

// Payload's own fields carry translation functions for labels, not { da, en }.
const builtInLabels: Record<string, string> = { createdAt: 'Oprettet', updatedAt: 'Sidst ændret' }
// Internal keys that say nothing to the person (cancelTokens: the hashes of their cancel links).
const leftOut = new Set(['id', 'signup', 'cancelTokens'])

function danishLabel(label: unknown, name: string): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'da' in label) return String((label as { da: unknown }).da)
  return builtInLabels[name] ?? name
}

const titleOf = (value: unknown): string | undefined => {
  if (!value || typeof value !== 'object') return undefined
  const { title, name } = value as { title?: unknown; name?: unknown }
  const text = title ?? name
  return typeof text === 'string' ? text : undefined
}

function danishValue(field: FlattenedField, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  switch (field.type) {
    case 'date':
      // A day-only field (a deadline, a renewal) has no meaningful time of day.
      return field.admin?.date?.pickerAppearance === 'dayOnly' ? danishDate(String(value)) : danishDateTime(String(value))
    case 'select':
    case 'radio': {
      const option = field.options.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === value)
      return option && typeof option === 'object' ? danishLabel(option.label, String(value)) : String(value)
    }
    case 'checkbox':
      return value ? 'Ja' : 'Nej'
    case 'relationship':
    case 'upload':
      return titleOf(value)
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

function details(fields: FlattenedField[], record: Record<string, unknown>): string {
  const rows = fields.flatMap((field) => {
    if (!('name' in field) || leftOut.has(field.name)) return []
    const value = danishValue(field, record[field.name])
    return value === undefined ? [] : [`<dt>${escapeHtml(danishLabel(field.label, field.name))}</dt><dd>${escapeHtml(value)}</dd>`]
  })
  return `<dl>${rows.join('')}</dl>`
}

/** "Tilmelding som frivillig til «Lektiecafé» hos Røde Kors Aarhus", in words. */
function signupHeadline(signup: Pick<Signup, 'kind' | 'activity' | 'event' | 'department'>): string {
  const as = signup.kind === 'volunteer' ? 'som frivillig' : 'som deltager'
  const target = titleOf(signup.activity) ?? titleOf(signup.event)
  const department = titleOf(signup.department)
  return `Tilmelding ${as}${target ? ` til «${target}»` : ''}${department ? ` hos ${department}` : ''}`
}

function certificateHeadline(certificate: Pick<ChildCertificate, 'activity' | 'department'>): string {
  const activity = titleOf(certificate.activity)
  const department = titleOf(certificate.department)
  return `Børneattest${activity ? ` til frivilligt arbejde i «${activity}»` : ''}${department ? ` hos ${department}` : ''}`
}

export function readableReport({
  subject,
  exportedAt,
  signups,
  certificates,
  fields,
}: {
  subject: { email?: string; phone?: string }
  exportedAt: Date
  signups: Signup[]
  certificates: ChildCertificate[]
  fields: { signups: FlattenedField[]; childCertificates: FlattenedField[] }
}): string {
  const who = [subject.email, subject.phone].filter(Boolean).join(' / ')
  const section = <T extends { id: number | string }>(heading: string, records: T[], headline: (record: T) => string, recordFields: FlattenedField[], none: string) =>
    `<h2>${escapeHtml(heading)}</h2>` +
    (records.length
      ? `<ol>${records.map((record) => `<li><h3>${escapeHtml(headline(record))}</h3>${details(recordFields, record as unknown as Record<string, unknown>)}</li>`).join('')}</ol>`
      : `<p>${escapeHtml(none)}</p>`)

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dine oplysninger hos Røde Kors</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-bottom: .25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
li { margin-bottom: 1rem; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>Dine oplysninger hos Røde Kors</h1>
<p>Her er alt, hvad Røde Kors’ integrationsaktiviteter har registreret om dig ud fra <strong>${escapeHtml(who)}</strong>, den ${escapeHtml(danishDateTime(exportedAt.toISOString()))}: ${escapeHtml(danishCounts.signups(signups.length))} og ${escapeHtml(danishCounts.childCertificates(certificates.length))}.</p>
<p>En tilmelding er det, du skrev, da du tilmeldte dig på hjemmesiden, og hvor langt lokalafdelingen er kommet med den. Tilmeldinger slettes 12 måneder efter, at de er afsluttet.</p>
<p>For en børneattest gemmer vi kun, hvor langt den er, og datoerne – aldrig selve attesten og aldrig dit CPR-nummer. Oplysningerne slettes 6 måneder efter, at du er stoppet som frivillig.</p>
${section('Tilmeldinger', signups, signupHeadline, fields.signups, 'Vi har ingen tilmeldinger fra dig.')}
${section('Børneattester', certificates, certificateHeadline, fields.childCertificates, 'Vi har ingen oplysninger om børneattester for dig.')}
<p>Du kan bede om at få oplysningerne rettet eller slettet. Oplysningerne findes også som en datafil (JSON), som du kan tage med til et andet system.</p>
</body>
</html>
`
}
