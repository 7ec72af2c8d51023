import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireDataDirLock, lockContent } from './dataDirLock'

const made: string[] = []
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pyc-lock-'))
  made.push(dir)
  return dir
}
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

test('a second holder of a data folder is refused with the owner named', () => {
  const dir = tempDir()
  // Another live process holds it.
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
  try {
    writeFileSync(join(dir, 'paoyici.lock'), String(other.pid))
    assert.throws(() => acquireDataDirLock(dir), new RegExp(`in use by process ${other.pid}`))
  } finally {
    other.kill()
  }
})

test('a lock left by a dead process is taken over, and released on close', async () => {
  const dir = tempDir()
  const dead = spawn(process.execPath, ['-e', ''])
  await new Promise((r) => dead.on('exit', r))
  writeFileSync(join(dir, 'paoyici.lock'), String(dead.pid))
  const lock = acquireDataDirLock(dir)
  assert.equal(readFileSync(lock.path, 'utf8'), lockContent(process.pid))
  lock.release()
  assert.equal(existsSync(lock.path), false)
})

test('a lock naming a live process by PID and start time is refused; the same PID started later is not its owner', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
  const dir = tempDir()
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'])
  try {
    const [, started] = lockContent(other.pid!).split(' ')
    assert.ok(started, 'the start time is known on Linux')
    writeFileSync(join(dir, 'paoyici.lock'), `${other.pid} ${started}`)
    assert.throws(() => acquireDataDirLock(dir), new RegExp(`in use by process ${other.pid}`))
    // The lock's owner died with its PID later given to another process (a crashed container restarted).
    writeFileSync(join(dir, 'paoyici.lock'), `${other.pid} ${Number(started) - 1}`)
    const lock = acquireDataDirLock(dir)
    assert.equal(readFileSync(lock.path, 'utf8'), lockContent(process.pid))
    lock.release()
  } finally {
    other.kill()
  }
})
