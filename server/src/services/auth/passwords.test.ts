import { test } from 'node:test'
import assert from 'node:assert/strict'
import { hashPassword, verifyPassword } from './passwords'

test('a password verifies against its own hash only', async () => {
  const hash = await hashPassword('Paoyici@2026')
  assert.match(hash, /^scrypt\$32768\$8\$1\$/)
  assert.equal(await verifyPassword('Paoyici@2026', hash), true)
  assert.equal(await verifyPassword('paoyici@2026', hash), false)
  assert.notEqual(await hashPassword('Paoyici@2026'), hash, 'salted')
})

test('a malformed stored hash never verifies', async () => {
  assert.equal(await verifyPassword('x', 'md5$abc'), false)
})
