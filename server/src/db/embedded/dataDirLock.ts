/**
 * PGlite does not lock its data folder, and two processes on one folder lose
 * data silently. This lock file (holding the owner's PID) makes a second
 * opener fail loudly; a lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface DataDirLock {
  path: string
  release(): void
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
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return {
        path,
        release() {
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path)
          } catch {
            // already gone
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The data folder ${resolve(dataDir)} is in use by process ${owner}. ` +
            'Stop that process, or set DATA_DIR to another folder.',
        )
      }
      unlinkSync(path) // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the data folder ${resolve(dataDir)}`)
}
