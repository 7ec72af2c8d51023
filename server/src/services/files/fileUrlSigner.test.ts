import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FileUrlSigner } from './fileUrlSigner'

const SECRET = 's'.repeat(40)
const FILE = '3f2b7c1e-8a4d-4c6b-9e0f-1a2b3c4d5e6f'
const OTHER = '3f2b7c1e-8a4d-4c6b-9e0f-1a2b3c4d5e70'
const NOW = new Date('2026-11-22T08:00:00Z')

function parts(url: string) {
  const u = new URL(url, 'http://x')
  return { path: u.pathname, expires: Number(u.searchParams.get('expires')), signature: u.searchParams.get('signature')! }
}

test('a URL names the file, expires after the TTL and carries a 43-character base64url signature', () => {
  const { url, expiresAt } = new FileUrlSigner(SECRET, 600).sign(FILE, NOW)
  const p = parts(url)
  assert.equal(p.path, `/api/files/${FILE}`)
  assert.equal(p.expires, NOW.getTime() / 1000 + 600)
  assert.equal(expiresAt.getTime(), NOW.getTime() + 600_000)
  assert.match(p.signature, /^[A-Za-z0-9_-]{43}$/)
})

test('verifies its own URL until the expiry, then answers expired', () => {
  const signer = new FileUrlSigner(SECRET, 600)
  const p = parts(signer.sign(FILE, NOW).url)
  assert.equal(signer.verify(FILE, p.expires, p.signature, new Date(NOW.getTime() + 599_000)), 'ok')
  assert.equal(signer.verify(FILE, p.expires, p.signature, new Date(NOW.getTime() + 600_000)), 'expired')
})

test('another file, another expiry, another key or a changed signature is invalid', () => {
  const signer = new FileUrlSigner(SECRET, 600)
  const p = parts(signer.sign(FILE, NOW).url)
  assert.equal(signer.verify(OTHER, p.expires, p.signature, NOW), 'invalid')
  assert.equal(signer.verify(FILE, p.expires + 1, p.signature, NOW), 'invalid')
  assert.equal(new FileUrlSigner('t'.repeat(40), 600).verify(FILE, p.expires, p.signature, NOW), 'invalid')
  assert.equal(signer.verify(FILE, p.expires, p.signature.slice(0, 42), NOW), 'invalid')
  const flipped = (p.signature[5] === 'a' ? 'b' : 'a')
  assert.equal(signer.verify(FILE, p.expires, p.signature.slice(0, 5) + flipped + p.signature.slice(6), NOW), 'invalid')
  // An expired forgery is reported as invalid, never as expired.
  assert.equal(signer.verify(OTHER, p.expires, p.signature, new Date(NOW.getTime() + 3_600_000)), 'invalid')
})

test('without a configured secret each signer has its own random key', () => {
  const a = new FileUrlSigner('', 600)
  const b = new FileUrlSigner('', 600)
  assert.ok(a.ephemeral && !new FileUrlSigner(SECRET, 600).ephemeral)
  const p = parts(a.sign(FILE, NOW).url)
  assert.equal(a.verify(FILE, p.expires, p.signature, NOW), 'ok')
  assert.equal(b.verify(FILE, p.expires, p.signature, NOW), 'invalid', 'a restarted process cannot verify old links')
})
