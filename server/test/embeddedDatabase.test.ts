import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { openDatabase } from '../src/db/client'
import { migrateDatabase } from '../src/db/migrate'

test('embedded PGlite keeps acknowledged data across a restart and refuses a second opener', { skip: process.env.TEST_DATABASE === 'postgres' }, async (t) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pyc-embedded-')), 'pglite')
  t.after(() => rmSync(dirname(dataDir), { recursive: true, force: true }))
  const first = await openDatabase({ dataDir })
  await migrateDatabase(first)
  await first.pool.query(`INSERT INTO departments (key, name, short_name, credit_code, phone) VALUES ('t', '测试局', '测试', '11620981MB0000000X', '0937-1')`)

  await assert.rejects(openDatabase({ dataDir }), /in use by process \d+/)

  await first.close()
  const second = await openDatabase({ dataDir })
  await migrateDatabase(second) // already applied: a no-op
  const rows = await second.pool.query(`SELECT name FROM departments WHERE key = 't'`)
  assert.deepEqual(rows.rows, [{ name: '测试局' }])
  await second.close()
})
