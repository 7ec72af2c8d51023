/**
 * Never overbook, whatever the concurrency (DOMAIN.md "Appointments"): 200
 * concurrent bookings by distinct citizens at a slot of capacity 5, and
 * concurrent bookings by one citizen for one matter and day. Runs on PGlite
 * (one pooled connection) and PostgreSQL (a pool of 20, real row locks).
 */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './testApp'
import { availability, bookRaw, matterId, newCitizen, setCapacity, type Auth } from './appointmentsHelpers'

let t: TestApp
let matter: string
before(async () => {
  t = await startTestApp()
  matter = await matterId(t, 'individual-business-registration')
})
after(() => t.close())

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)

test('200 concurrent bookings at a slot of capacity 5: exactly 5 succeed, 195 are told it is full', async () => {
  const slot = (await availability(t, matter)).days[1].slots[4]
  await setCapacity(t, slot.id, 5)
  const citizens: Auth[] = []
  for (let i = 0; i < 200; i++) citizens.push(await newCitizen(t))

  const results = await Promise.all(citizens.map((h) => bookRaw(t, h, slot.id)))

  const ok = results.filter((r) => r.statusCode === 200)
  const full = results.filter((r) => r.statusCode === 409)
  assert.equal(ok.length, 5, results.filter((r) => r.statusCode !== 200 && r.statusCode !== 409).map((r) => r.body).join('\n'))
  assert.equal(full.length, 195)
  for (const r of full) assert.match(r.json().message, /^该时段已约满，请选择其他时段/)
  const { rows } = await sql(
    `SELECT s.booked, s.capacity, (SELECT count(*)::int FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled') AS held
     FROM appointment_slots s WHERE s.id = $1`,
    [slot.id],
  )
  assert.deepEqual(rows[0], { booked: 5, capacity: 5, held: 5 })
  const listed = (await availability(t, matter)).days[1].slots.find((s) => s.id === slot.id)!
  assert.equal(listed.remaining, 0)
})

test('one citizen, 20 concurrent requests for one matter and day (same and different slots): exactly one booking', async () => {
  const h = await newCitizen(t)
  const day = (await availability(t, matter)).days[2]
  const targets = Array.from({ length: 20 }, (_, i) => day.slots[i % 4].id)
  const before = await sql(`SELECT id, booked FROM appointment_slots WHERE id = ANY($1)`, [[...new Set(targets)]])

  const results = await Promise.all(targets.map((slotId) => bookRaw(t, h, slotId)))

  assert.equal(results.filter((r) => r.statusCode === 200).length, 1, results.map((r) => `${r.statusCode} ${r.body}`).join('\n'))
  const refused = results.filter((r) => r.statusCode !== 200)
  assert.equal(refused.length, 19)
  for (const r of refused) {
    assert.equal(r.statusCode, 409)
    assert.match(r.json().message, /同一事项每天只能预约一次/)
  }
  const { rows } = await sql(`SELECT count(*)::int AS n FROM appointments WHERE status <> 'cancelled' AND slot_id = ANY($1)`, [[...new Set(targets)]])
  const after = await sql(`SELECT id, booked FROM appointment_slots WHERE id = ANY($1)`, [[...new Set(targets)]])
  const gained = after.rows.reduce((n, r) => n + r.booked, 0) - before.rows.reduce((n, r) => n + r.booked, 0)
  assert.equal(gained, 1, 'losing requests gave their places back')
  assert.equal(rows[0].n, gained + before.rows.reduce((n, r) => n + r.booked, 0))
})

test('concurrent reschedules and cancellations keep the counts exact', async () => {
  const day = (await availability(t, matter)).days[3]
  const [a, b] = [day.slots[6], day.slots[7]]
  await setCapacity(t, a.id, 3)
  await setCapacity(t, b.id, 3)
  const people: { h: Auth; id: string }[] = []
  for (let i = 0; i < 3; i++) {
    const h = await newCitizen(t)
    const res = await bookRaw(t, h, a.id)
    assert.equal(res.statusCode, 200, res.body)
    people.push({ h, id: res.json().id })
  }
  // Three move to b at once while three others try to take a's freed places.
  const others: Auth[] = []
  for (let i = 0; i < 3; i++) others.push(await newCitizen(t))
  const results = await Promise.all([
    ...people.map((p) => t.app.inject({ method: 'POST', url: `/api/appointments/${p.id}/reschedule`, headers: p.h, payload: { slotId: b.id } })),
    ...others.map((h) => bookRaw(t, h, a.id)),
  ])
  assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 409), results.map((r) => r.body).join('\n'))
  const { rows } = await sql(
    `SELECT s.id, s.booked, (SELECT count(*)::int FROM appointments x WHERE x.slot_id = s.id AND x.status <> 'cancelled') AS held, s.capacity
     FROM appointment_slots s WHERE s.id = ANY($1)`,
    [[a.id, b.id]],
  )
  for (const r of rows) {
    assert.equal(r.booked, r.held, 'the counter matches the bookings')
    assert.ok(r.held <= r.capacity, 'never over capacity')
  }
})

test('one citizen rescheduling into a day while booking that day at once: one booking that day, never a 500', async () => {
  const h = await newCitizen(t)
  const days = (await availability(t, matter)).days
  const held = await bookRaw(t, h, days[0].slots[9].id)
  assert.equal(held.statusCode, 200, held.body)
  const target = days[4]
  const results = await Promise.all([
    t.app.inject({ method: 'POST', url: `/api/appointments/${held.json().id}/reschedule`, headers: h, payload: { slotId: target.slots[9].id } }),
    ...[10, 11, 12, 13].map((i) => bookRaw(t, h, target.slots[i].id)),
  ])
  assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 409), results.map((r) => `${r.statusCode} ${r.body}`).join('\n'))
  const { rows } = await sql(
    `SELECT count(*)::int AS n FROM appointments WHERE citizen_id = $1 AND date = $2 AND status <> 'cancelled'`,
    [h.id, target.date],
  )
  assert.equal(rows[0].n, 1)
})
