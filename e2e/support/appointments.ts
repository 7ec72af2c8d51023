/**
 * Set-up for the appointment journeys, through the API (and, for what no API
 * offers, the stack's database): a signed-in citizen with a declared real
 * name, a service with free slots, the window clerk of its department, and a
 * booking moved to the current hour so the hall can check it in today.
 */
import assert from 'node:assert/strict'
import { api, type Stack } from './stack'

export const STAFF_PASSWORD = 'Paoyici@2026'
const DEPARTMENT_KEYS = ['scjg', 'rsj', 'bdc', 'ga', 'jt', 'mz']

export interface CitizenLogin {
  token: string
  expiresAt: string
}

/** SMS sign-in through the simulator, then 实名 (declared), as the account pages would. */
export async function signInCitizen(stack: Stack, phone: string, realName: { name: string; idNumber: string }): Promise<CitizenLogin> {
  const sent = await api(stack, '/api/auth/sms-codes', { method: 'POST', body: { phone } })
  assert.equal(sent.status, 200, `POST /api/auth/sms-codes ${JSON.stringify(sent.body)}`)
  const code = stack.sms.latestCode(phone)
  assert.ok(code, `the SMS simulator has a code for ${phone}`)
  const login = await api(stack, '/api/auth/sms', { method: 'POST', body: { phone, code } })
  assert.equal(login.status, 200, `POST /api/auth/sms ${JSON.stringify(login.body)}`)
  const declared = await api(stack, '/api/me/real-name', { method: 'PUT', token: login.body.token, body: realName })
  assert.equal(declared.status, 200, `PUT /api/me/real-name ${JSON.stringify(declared.body)}`)
  return { token: login.body.token, expiresAt: login.body.expiresAt }
}

/** The session as SessionStore persists it (JSON under `paoyici.session`). */
export function storedSessionValue(kind: 'citizen' | 'staff', login: CitizenLogin): string {
  return JSON.stringify({ kind, token: login.token, expiresAt: login.expiresAt })
}

/** A service that takes bookings and has a slot with room, with its availability as the server gives it. */
export async function bookableMatter(stack: Stack, token?: string): Promise<{ matterId: string; availability: any }> {
  const page = await api(stack, '/api/matters?page=1&pageSize=50')
  assert.equal(page.status, 200, `GET /api/matters ${JSON.stringify(page.body)}`)
  for (const matter of page.body.items.filter((m: any) => m.flags.appointment)) {
    const availability = await api(stack, `/api/appointments/availability?matterId=${matter.id}`, { token })
    assert.equal(availability.status, 200, `availability of ${matter.name}: ${JSON.stringify(availability.body)}`)
    if (availability.body.days.some((d: any) => d.status === 'open' && d.slots.some((s: any) => s.remaining > 0))) {
      return { matterId: matter.id, availability: availability.body }
    }
  }
  throw new Error('no seeded service has a free appointment slot in the booking window')
}

/** A department's demo window clerk (`<dept>.window`) or lead (`<dept>.lead`), signed in. */
export async function staffOf(stack: Stack, departmentId: string, role: 'window' | 'lead' = 'window'): Promise<{ username: string; token: string; expiresAt: string }> {
  for (const key of DEPARTMENT_KEYS) {
    const username = `${key}.${role}`
    const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username, password: STAFF_PASSWORD } })
    if (login.status !== 200) continue
    if (login.body.staff.department?.id === departmentId) return { username, token: login.body.token, expiresAt: login.body.expiresAt }
  }
  throw new Error(`no demo ${role} account for department ${departmentId}`)
}

/** Today's date in China. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/**
 * Moves a booking to a slot running now. Bookings open from the next working
 * day, and the hall checks in only on the day of the visit; no API moves a
 * booking into today, so the journey does it in the database.
 */
export async function moveBookingToNow(stack: Stack, appointmentId: string): Promise<void> {
  const now = Date.now()
  const result = await stack.database.pool.query('UPDATE appointments SET date = $1, starts_at = $2, ends_at = $3 WHERE id = $4', [
    shanghaiToday(),
    new Date(now - 10 * 60_000).toISOString(),
    new Date(now + 20 * 60_000).toISOString(),
    appointmentId,
  ])
  assert.equal(result.rowCount, 1, `booking ${appointmentId} moved to now`)
}
