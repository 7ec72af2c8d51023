import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * The 6-digit query password (查询密码) on the receipt. Stored as a salted
 * SHA-256, not scrypt: a 6-digit secret has a million values, so no hash
 * slows an offline attacker with a stolen table by more than hours anyway,
 * while scrypt would cost ~50 ms of CPU on every anonymous lookup (the bench
 * goal is a flat, cheap lookup). Guessing is stopped online instead: a lock
 * per case number after a few failures and an hourly limit per client, both
 * counted in the database (services/cases/caseLookup.ts).
 */
export function newQueryPassword(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

const digest = (salt: string, password: string) => createHash('sha256').update(`${salt}:${password}`).digest()

export function hashQueryPassword(password: string): string {
  const salt = randomBytes(16).toString('base64')
  return `sha256$${salt}$${digest(salt, password).toString('base64')}`
}

export function verifyQueryPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$')
  if (scheme !== 'sha256' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = digest(salt, password)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Verifying against this costs the same as a real case, so unknown numbers answer in the same time. */
export const DUMMY_QUERY_PASSWORD_HASH = hashQueryPassword(randomBytes(8).toString('hex'))
