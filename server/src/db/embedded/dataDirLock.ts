/**
 * PGlite does not lock its data folder, and two processes on one folder lose
 * data silently. This lock file (holding the owner's PID and, on Linux, the
 * process start time) makes a second opener fail loudly; a lock left by a dead
 * process is taken over. The start time matters after a crash of the whole
 * process group (container stop, OOM kill): the lock stays behind, and its PID
 * may belong to another process by the restart — in a container PIDs repeat.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface DataDirLock {
  path: string
  release(): void
}

/** When the process started (clock ticks since boot), or null where /proc does not say. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime), counted after the ')' closing the command name, which may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/** The lock's content: `pid` or `pid starttime`. */
export function lockContent(pid: number): string {
  const started = startTimeOf(pid)
  return started ? `${pid} ${started}` : String(pid)
}

/** The owner named by a lock, if that very process still runs (not another one given its PID since). */
function liveOwner(content: string): number | null {
  const [pidText, started] = content.trim().split(/\s+/)
  const owner = Number(pidText)
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isAlive(owner)) return null
  if (started !== undefined) {
    const now = startTimeOf(owner)
    if (now !== null && now !== started) return null
  }
  return owner
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'paoyici.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      const content = lockContent(process.pid)
      writeSync(fd, content)
      closeSync(fd)
      return {
        path,
        release() {
          try {
            if (readFileSync(path, 'utf8') === content) unlinkSync(path)
          } catch {
            // already gone
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = liveOwner(readFileSync(path, 'utf8'))
      if (owner !== null) {
        throw new Error(
          `The data folder ${resolve(dataDir)} is in use by process ${owner}. ` +
            'Stop that process, or set DATA_DIR to another folder.',
        )
      }
      unlinkSync(path) // stale: its owner is gone (or its PID went to another process)
    }
  }
  throw new Error(`Could not lock the data folder ${resolve(dataDir)}`)
}
