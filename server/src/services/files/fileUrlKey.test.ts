import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openTestDatabase } from '../../../test/testDatabase'
import { fileUrlKey } from './fileUrlKey'
import { FileUrlSigner } from './fileUrlSigner'

test('without FILE_URL_SECRET the key is made once and kept in the database; a configured secret wins', async () => {
  const db = await openTestDatabase()
  try {
    const [a, b] = await Promise.all([fileUrlKey(db.database.db, ''), fileUrlKey(db.database.db, '')])
    assert.equal(a, b, 'callers at the same moment agree')
    assert.ok(a.length >= 32)
    assert.equal(await fileUrlKey(db.database.db, ''), a, 'a later boot reads the same key')
    const { rows } = await db.database.pool.query(`SELECT count(*)::int AS n FROM server_keys`)
    assert.equal(rows[0].n, 1)
    // A link signed by one "instance" verifies at another built from the same key.
    const { url } = new FileUrlSigner(a, 600).sign('3f2b7c1e-8a4d-4c6b-9e0f-1a2b3c4d5e6f')
    const q = new URL(url, 'http://x').searchParams
    assert.equal(new FileUrlSigner(b, 600).verify('3f2b7c1e-8a4d-4c6b-9e0f-1a2b3c4d5e6f', Number(q.get('expires')), q.get('signature')!), 'ok')
    assert.equal(await fileUrlKey(db.database.db, 'x'.repeat(40)), 'x'.repeat(40))
  } finally {
    await db.close()
  }
})
