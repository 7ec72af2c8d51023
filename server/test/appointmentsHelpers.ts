/** Shared steps for the appointment tests: citizens with real names, matters with slots, booking, moving time. */
import assert from 'node:assert/strict'
import type { Appointment, Availability, AppointmentSlot } from '../../types/appointments'
import { shanghaiDate } from '../src/domain/calendar'
import { addDays } from '../src/domain/calendar/dates'
import { SessionService } from '../src/services/auth/sessionService'
import type { TestApp } from './testApp'

export type Auth = { authorization: string }

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A checksum-valid resident ID, distinct per n (0 ≤ n < 365 000). */
export function residentId(n: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
  const body = `110105${birth}${String(n % 1000).padStart(3, '0')}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]
  return body + '10X98765432'[sum % 11]
}

let nextCitizen = 0

/**
 * A signed-in citizen made directly in the database (SMS sign-in costs a
 * simulator round trip each; the SMS path is exercised separately), with a
 * declared real name unless `realName` is false.
 */
export async function newCitizen(t: TestApp, o: { realName?: boolean } = {}): Promise<Auth & { id: string; phone: string }> {
  const n = nextCitizen++
  const phone = `1370${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(4, '0')}`
  const real = o.realName ?? true
  const { rows } = await t.db.database.pool.query(
    `INSERT INTO citizens (phone, real_name, id_number, identity_level) VALUES ($1, $2, $3, $4) RETURNING id`,
    [phone, real ? '李四' : null, real ? residentId(n + (process.pid % 300) * 1000) : null, real ? 'declared' : 'none'],
  )
  const sessions = new SessionService(t.db.database.db, { citizenHours: 24, staffHours: 12 })
  const { token } = await sessions.create({ citizenId: rows[0].id })
  return { id: rows[0].id, phone, authorization: `Bearer ${token}` }
}

/** A seeded matter supporting appointments, by key. */
export async function matterId(t: TestApp, key: string): Promise<string> {
  const { rows } = await t.db.database.pool.query(`SELECT id FROM matters WHERE key = $1`, [key])
  assert.ok(rows[0], `matter ${key}`)
  return rows[0].id
}

export async function availability(t: TestApp, matter: string, h?: Auth): Promise<Availability> {
  const res = await t.app.inject({ url: `/api/appointments/availability?matterId=${matter}`, headers: h ?? {} })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export async function openSlots(t: TestApp, matter: string): Promise<AppointmentSlot[]> {
  const av = await availability(t, matter)
  return av.days.flatMap((d) => d.slots.filter((s) => s.remaining > 0))
}

export const bookRaw = (t: TestApp, h: Auth, slotId: string, caseId?: string) =>
  t.app.inject({ method: 'POST', url: '/api/appointments', headers: h, payload: caseId ? { slotId, caseId } : { slotId } })

export async function book(t: TestApp, h: Auth, slotId: string): Promise<Appointment> {
  const res = await bookRaw(t, h, slotId)
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

/** Sets a slot's capacity directly (what an admin's template change does for one slot). */
export async function setCapacity(t: TestApp, slotId: string, capacity: number): Promise<void> {
  await t.db.database.pool.query(`UPDATE appointment_slots SET capacity = $2 WHERE id = $1`, [slotId, capacity])
}

/**
 * Moves a booking in time, as if it had been made for another slot: `startsInMinutes`
 * from now (negative = in the past), 30 minutes long, on that instant's Shanghai date.
 */
export async function moveBooking(t: TestApp, id: string, startsInMinutes: number): Promise<void> {
  const startsAt = new Date(Date.now() + startsInMinutes * 60_000)
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000)
  await t.db.database.pool.query(`UPDATE appointments SET date = $2, starts_at = $3, ends_at = $4 WHERE id = $1`, [
    id,
    shanghaiDate(startsAt),
    startsAt.toISOString(),
    endsAt.toISOString(),
  ])
}

/** Moves a booking to a whole day in the past (`daysAgo`), still booked. */
export async function moveBookingToDay(t: TestApp, id: string, daysAgo: number): Promise<void> {
  const date = addDays(shanghaiDate(new Date()), -daysAgo)
  await t.db.database.pool.query(
    `UPDATE appointments SET date = $2, starts_at = ($2 || 'T09:00:00+08:00')::timestamptz, ends_at = ($2 || 'T09:30:00+08:00')::timestamptz WHERE id = $1`,
    [id, date],
  )
}

export const today = () => shanghaiDate(new Date())
