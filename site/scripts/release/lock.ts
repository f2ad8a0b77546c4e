import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { buildFolders } from './releases.ts'

/**
 * One build at a time per releases folder, across processes: a build left running by a CMS that
 * restarted and the build the new CMS starts would otherwise share the `.building` folder.
 *
 * The lock file names its holder by process id and the process's start time (Linux's
 * /proc/<pid>/stat), so a process id reused after a reboot or crash is not taken for the holder.
 * It appears whole, with its content, in one step (written aside, then hard-linked into place).
 */
interface Holder {
  pid: number
  /** The process's start time in clock ticks since boot; empty where /proc is not there. */
  started: string
}

const lockFile = (releasesDir: string) => path.join(releasesDir, '.build-lock')

function processStart(pid: number): string {
  try {
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count from its end.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''
  } catch {
    return ''
  }
}

const me = (): Holder => ({ pid: process.pid, started: processStart(process.pid) })

function readHolder(file: string): Holder | null {
  try {
    const text = fs.readFileSync(file, 'utf8')
    // Older releases wrote the process id alone.
    if (/^\d+$/.test(text.trim())) return { pid: Number(text), started: '' }
    return JSON.parse(text) as Holder
  } catch {
    return null
  }
}

function holderAlive({ pid, started }: Holder): boolean {
  if (!pid) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // Alive, but is it the same process? Another one may have been given its number since.
  return !started || processStart(pid) === started
}

/** This process holds the releases folder's lock. */
export function holdsLock(releasesDir: string): boolean {
  const holder = readHolder(lockFile(releasesDir))
  const self = me()
  return holder?.pid === self.pid && holder.started === self.started
}

/** Waits for a live holder; takes the lock of one that is gone. Returns the release function. */
export async function lockReleases(releasesDir: string, { waitMs = 15 * 60_000, log = (_: string) => {} } = {}): Promise<() => void> {
  const file = lockFile(releasesDir)
  const deadline = Date.now() + waitMs
  let told = false
  for (;;) {
    const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
    fs.writeFileSync(aside, JSON.stringify(me()))
    try {
      fs.linkSync(aside, file)
      return () => {
        if (holdsLock(releasesDir)) fs.rmSync(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(aside, { force: true })
    }
    const holder = readHolder(file)
    if (!holder || !holderAlive(holder)) {
      fs.rmSync(file, { force: true })
      continue
    }
    if (Date.now() > deadline) throw new Error('En tidligere opdatering af siden kører stadig. Den offentlige side blev ikke ændret; prøv igen om lidt.')
    if (!told) log(`Waiting for the build in process ${holder.pid} to finish.`)
    told = true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * A build abandoned (the CMS went away, the worker was told to stop): removes its half-made
 * folders and its lock, but only when this process holds the lock: the folders may be another
 * build's while this one still waits for it.
 */
export function abandonBuild(releasesDir: string) {
  if (!holdsLock(releasesDir)) return
  for (const dir of Object.values(buildFolders(releasesDir))) fs.rmSync(dir, { recursive: true, force: true })
  fs.rmSync(lockFile(releasesDir), { force: true })
}
