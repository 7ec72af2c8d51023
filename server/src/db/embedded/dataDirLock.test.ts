import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { acquireDataDirLock } from './dataDirLock'

test('a second holder of a data folder is refused with the owner named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyc-lock-'))
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
  const dir = mkdtempSync(join(tmpdir(), 'pyc-lock-'))
  const dead = spawn(process.execPath, ['-e', ''])
  await new Promise((r) => dead.on('exit', r))
  writeFileSync(join(dir, 'paoyici.lock'), String(dead.pid))
  const lock = acquireDataDirLock(dir)
  assert.equal(readFileSync(lock.path, 'utf8'), String(process.pid))
  lock.release()
  assert.equal(existsSync(lock.path), false)
})
