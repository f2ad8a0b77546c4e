// The benchmark's figures (scripts/bench.mjs): each has a stable key, a unit and, where an issue
// set one, a goal; the table prints it beside its goal and beside the last recorded run of the
// same key, kept in bench/results.json (`npm run bench -- --record`), so a regression shows.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root } from './lib.mjs'

export const resultsFile = path.join(root, 'bench', 'results.json')

/** Units where more is better; for every other unit (s, ms, MB, KiB...) less is. */
const higherIsBetter = new Set(['req/s', 'points'])
/** How many runs the file keeps (oldest dropped first): enough history, a file that stays readable. */
const keptRuns = 100

const figures = []
// Taken when the benchmark starts (it imports this module first): how busy a shared machine already was.
const loadAtStart = os.loadavg().map((load) => Number(load.toFixed(2)))

/**
 * One measured figure, in one line:
 *   figure('signup.throughput', 'Signup endpoint: requests per second', 338, 'req/s', { goal: '≥ 300', detail: '…' })
 * `key` stays the same from run to run (it is what results.json compares); `label` is for people.
 * `goal` is '≤ n' or '≥ n' in the figure's unit, or absent (printed '—'). A missed goal is marked
 * in the table, never a failure: the benchmark reports. `value` null: not measured this run.
 */
export function figure(key, label, value, unit, { goal, detail, command } = {}) {
  if (figures.some((row) => row.key === key)) throw new Error(`bench figure ${key} measured twice`)
  const row = { key, label, value: value === null || value === undefined || Number.isNaN(value) ? null : Number(value), unit, goal: parseGoal(goal, key), detail, command }
  figures.push(row)
  console.log(`  ${label}: ${show(row.value, unit)}${detail ? ` (${detail})` : ''}`)
  return row
}

/** A row that is not a number (a check, a description): printed, never stored or compared. */
export function textRow(label, text, goal = '', command = '') {
  figures.push({ label, text, goalText: goal, command })
  console.log(`  ${label}: ${text}`)
}

function parseGoal(goal, key) {
  if (goal === undefined || goal === null || goal === '') return undefined
  const [, sign, limit] = /^\s*(≤|<=|≥|>=)\s*([\d.]+)\s*$/.exec(goal) ?? []
  if (!sign) throw new Error(`bench figure ${key}: goal "${goal}" is not "≤ n" or "≥ n"`)
  return { atMost: sign === '≤' || sign === '<=', limit: Number(limit) }
}

const round = (value) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2))
const show = (value, unit) => (value === null ? 'not measured' : `${round(value)} ${unit}`)
const meets = (value, goal) => (goal.atMost ? value <= goal.limit : value >= goal.limit)

/** The machine a run was on: results from different machines do not compare. */
export function machine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    // 1, 5 and 15 minute load averages when the run started.
    loadAtStart,
  }
}

function commit() {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== ''
    return { hash, dirty }
  } catch {
    return { hash: 'unknown', dirty: false }
  }
}

export function readResults(file = resultsFile) {
  if (!fs.existsSync(file)) return { runs: [] }
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/**
 * The last recorded value of each key. Runs are kept whole and the newest run that has the key
 * wins, so a `--quick` or `--only` run does not hide the figures it did not measure.
 */
function lastRecorded(results) {
  const last = new Map()
  for (const run of results.runs) {
    for (const [key, { value, unit }] of Object.entries(run.figures ?? {})) {
      if (value !== null) last.set(key, { value, unit, date: run.date, commit: run.commit })
    }
  }
  return last
}

function change(row, before) {
  if (!before || row.value === null || before.unit !== row.unit) return '—'
  if (before.value === 0) return row.value === 0 ? '±0 %' : 'new'
  const percent = ((row.value - before.value) / Math.abs(before.value)) * 100
  if (Math.abs(percent) < 0.5) return '±0 %'
  const higherBetter = row.goal ? !row.goal.atMost : higherIsBetter.has(row.unit)
  const better = percent > 0 === higherBetter
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent).toFixed(0)} % ${better ? 'better' : 'WORSE'}`
}

/** The table: every figure beside its goal and the last recorded run of the same key. */
export function printTable({ started, file = resultsFile } = {}) {
  const last = lastRecorded(readResults(file))
  const info = machine()
  console.log(`\nBenchmark (${new Date().toISOString()}, ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB, Node ${info.node}, load at the start ${info.loadAtStart.join(' ')}, now ${os.loadavg().map((load) => load.toFixed(1)).join(' ')})${started ? `, ${((Date.now() - started) / 60000).toFixed(1)} min` : ''}`)
  console.log(`Last recorded: ${path.relative(root, file)}; a missed goal is marked ✘ (reported, not a failure)\n`)
  console.log('| figure | now | goal | last recorded (date, commit) | change |')
  console.log('|---|---|---|---|---|')
  let missed = 0
  for (const row of figures) {
    if (row.text !== undefined) {
      console.log(`| ${row.label} | ${row.text} | ${row.goalText || '—'} | — | — |`)
      continue
    }
    const before = last.get(row.key)
    const mark = row.goal && row.value !== null ? (meets(row.value, row.goal) ? ' ✔' : ' ✘') : ''
    if (mark === ' ✘') missed++
    const now = `${show(row.value, row.unit)}${mark}${row.detail ? ` (${row.detail})` : ''}`
    const goal = row.goal ? `${row.goal.atMost ? '≤' : '≥'} ${row.goal.limit} ${row.unit}` : '—'
    const previous = before ? `${show(before.value, before.unit)} (${before.date.slice(0, 10)}, ${before.commit})` : '—'
    console.log(`| ${row.label} \`${row.key}\` | ${now} | ${goal} | ${previous} | ${change(row, before)} |`)
  }
  if (missed) console.log(`\n${missed} figure(s) missed their goal (✘).`)
}

/**
 * Adds this run to bench/results.json: its date, commit, machine, how it was run, and every
 * keyed figure measured (text rows are not stored). Previous runs are kept (the newest
 * `keptRuns`), so the history of a figure stays readable in the file.
 */
export function recordRun({ note, options, file = resultsFile } = {}) {
  const results = readResults(file)
  const { hash, dirty } = commit()
  const run = {
    date: new Date().toISOString(),
    commit: dirty ? `${hash}+changes` : hash,
    machine: machine(),
    ...(note ? { note } : {}),
    options,
    figures: Object.fromEntries(figures.filter((row) => row.key && row.value !== null).map((row) => [row.key, { value: row.value, unit: row.unit, ...(row.detail ? { detail: row.detail } : {}) }])),
  }
  results.runs = [...(results.runs ?? []), run].slice(-keptRuns)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify({ ...results, runs: results.runs }, null, 2)}\n`)
  console.log(`\nRecorded this run (${Object.keys(run.figures).length} figures) in ${path.relative(root, file)}.`)
}
