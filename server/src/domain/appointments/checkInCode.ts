/**
 * Check-in codes: 8 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), 40 bits of randomness — unguessable across the bookings of a day,
 * short enough to read out and type. The QR code carries a prefixed payload;
 * staff send whatever they scanned or typed and the server finds the code.
 */
import { randomInt } from 'node:crypto'

export const CHECK_IN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CHECK_IN_CODE_LENGTH = 8
export const CHECK_IN_PAYLOAD_PREFIX = 'PYC-APPT:'

export function newCheckInCode(): string {
  let code = ''
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)]
  return code
}

export function checkInPayload(code: string): string {
  return `${CHECK_IN_PAYLOAD_PREFIX}${code}`
}

/** The code in a scanned payload or a typed code (case, spaces and dashes forgiven); null if it cannot be one. */
export function parseCheckInCode(input: string): string | null {
  let s = input.trim()
  if (s.toUpperCase().startsWith(CHECK_IN_PAYLOAD_PREFIX)) s = s.slice(CHECK_IN_PAYLOAD_PREFIX.length)
  s = s.replace(/[\s-]/g, '').toUpperCase()
  if (s.length !== CHECK_IN_CODE_LENGTH) return null
  for (const c of s) if (!CHECK_IN_ALPHABET.includes(c)) return null
  return s
}

/** 取号: Y + at least three digits (Y007, Y123, Y1024). */
export function queueNumber(seq: number): string {
  return `Y${String(seq).padStart(3, '0')}`
}
