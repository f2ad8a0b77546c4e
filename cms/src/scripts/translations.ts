/**
 * Exchanges translations with translators as XLIFF 1.2 from the command line, as the system
 * (every published public document):
 *   npm run translations -- export --locale ti [--status missing,machine,outdated] [--collection activities] --out ti.xlf
 *   npm run translations -- import ti.xlf [--locale ti] [--confirm-unchanged]
 * (--confirm-unchanged: a text the file leaves as the current machine translation counts as
 * reviewed, as the translator's confirmation.)
 * The import prints the report's counts and every unit not applied, with why (exit code 1 when
 * the file is refused as a whole, or a request is wrong).
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import config from '../payload.config'
import { ExchangeError, exportTranslations, importTranslations, parseExportFilters } from '../translations/exchange'
import { XliffError } from '../translations/xliff/index'

const usage = [
  'Brug: npm run translations -- export --locale SPROG [--status missing,machine,outdated,reviewed] [--collection SAMLING] --out FIL.xlf',
  '      npm run translations -- import FIL.xlf [--locale SPROG] [--confirm-unchanged]',
  '      --confirm-unchanged: uændrede maskinoversættelser i filen markeres som gennemlæst.',
].join('\n')

function fail(message: string, showUsage = true): never {
  console.error(showUsage ? `${message}\n${usage}` : message)
  process.exit(1)
}

let parsed: { values: { locale?: string; status?: string; collection?: string; out?: string; 'confirm-unchanged'?: boolean }; positionals: string[] }
try {
  parsed = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { locale: { type: 'string' }, status: { type: 'string' }, collection: { type: 'string' }, out: { type: 'string' }, 'confirm-unchanged': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const { values, positionals } = parsed
const [command, given] = positionals
// npm runs the script in cms/; a file named on the command line is where the person typed it.
const here = (name: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), name)
const file = given ? here(given) : undefined

try {
  if (command === 'export') {
    if (!values.locale) fail('--locale skal angives.')
    if (!values.out) fail('--out skal angives.')
    const filters = parseExportFilters(values.status, values.collection)
    const payload = await getPayload({ config })
    const { xliff, units } = await exportTranslations({ payload, actor: 'system', locale: values.locale, ...filters })
    fs.writeFileSync(here(values.out), xliff)
    console.log(`${units.length} tekster til ${values.locale} skrevet i ${values.out}.`)
  } else if (command === 'import') {
    if (!file) fail('Angiv XLIFF-filen.')
    if (!fs.existsSync(file)) fail(`Filen ${file} findes ikke.`, false)
    const payload = await getPayload({ config })
    const report = await importTranslations({ payload, actor: 'system', xliff: fs.readFileSync(file), locale: values.locale, confirmUnchanged: values['confirm-unchanged'] === true })
    const { applied, unchanged, refused } = report.counts
    console.log(`${report.targetLanguage}: ${applied} anvendt, ${unchanged} uændret, ${report.counts['source-changed']} med ændret dansk tekst, ${refused} afvist.`)
    const confirmed = report.units.filter((unit) => unit.confirmed).length
    if (confirmed > 0) console.log(`${confirmed} uændrede maskinoversættelser markeret som gennemlæst.`)
    for (const unit of report.units) if (unit.reason) console.log(`  ${unit.document ? `${unit.document} – ${unit.field ?? unit.id}` : unit.id}: ${unit.reason}`)
  } else fail(command ? `Ukendt kommando "${command}".` : 'Angiv export eller import.')
} catch (error) {
  if (error instanceof XliffError || error instanceof ExchangeError) fail(`Filen eller anmodningen er afvist: ${error.message}`, false)
  throw error
}
process.exit(0)
