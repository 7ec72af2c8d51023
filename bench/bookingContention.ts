/**
 * Booking (POST /api/appointments) throughput and latency under contention on
 * PostgreSQL (issue 5): every request hits ONE slot (its row lock serialises
 * the conditional `UPDATE … SET booked = booked + 1 WHERE booked < capacity`)
 * against the same load SPREAD over many slots, plus a full slot that turns
 * everyone away. Each request books for a distinct citizen (one booking per
 * person per matter per day), through the real HTTP server on loopback, with
 * BENCH_BOOKING_CONCURRENCY clients (default 32) sending back to back;
 * BENCH_BOOKING_REQUESTS per scenario (default 1500), BENCH_BOOKING_ROUNDS
 * interleaved rounds (default 3), reported as median (min–max).
 *
 *   npx tsx bench/bookingContention.ts
 */
import { createHash, randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import type { Availability } from '../types/appointments'

const REQUESTS = Number(process.env.BENCH_BOOKING_REQUESTS ?? 1500)
const ROUNDS = Number(process.env.BENCH_BOOKING_ROUNDS ?? 3)
const CONCURRENCY = Number(process.env.BENCH_BOOKING_CONCURRENCY ?? 32)
const MATTERS = ['individual-business-registration', 'id-card-renewal', 'social-security-card', 'birth-registration', 'household-move-in']

type Outcome = { ok: number; full: number; other: number; seconds: number; p50: number; p99: number; max: number }

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/** Sends one request per (token, slot) pair with CONCURRENCY clients; latencies in ms. */
async function fire(url: string, pairs: { token: string; slotId: string }[], expectStatus = [200, 409]): Promise<Outcome> {
  const latencies: number[] = []
  const counts = { ok: 0, full: 0, other: 0 }
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < pairs.length) {
        const { token, slotId } = pairs[next++]
        const t0 = performance.now()
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ slotId }),
        })
        await res.arrayBuffer()
        latencies.push(performance.now() - t0)
        if (res.status === 200) counts.ok++
        else if (res.status === 409) counts.full++
        else counts.other++
        if (!expectStatus.includes(res.status)) throw new Error(`unexpected ${res.status}`)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { ...counts, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] }
}

export async function measureBookingContention(): Promise<void> {
  process.env.TEST_DATABASE = 'postgres'
  const { openTestDatabase } = await import('../server/test/testDatabase')
  const db = await openTestDatabase()
  const config = loadConfig({ APPOINTMENT_REMINDER_INTERVAL_SECONDS: '0' })
  const app = await buildApp({ config, database: db.database, storage: db.storage, wechat: null, sms: null, logger: false })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const bare = Fastify({ logger: false })
  bare.post('/constant', async () => ({ id: 'x', status: 'booked' }))
  const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/constant`
  const pool = db.database.pool
  try {
    // Citizens with declared real names and sessions, made in bulk: one per request of every round + warm-up.
    const total = REQUESTS * 4 * ROUNDS + 200
    const tokens = Array.from({ length: total }, () => randomBytes(32).toString('base64url'))
    const { rows: citizens } = await pool.query(
      `INSERT INTO citizens (phone, real_name, id_number, identity_level)
       SELECT '1' || lpad(i::text, 10, '0'), '测试', 'BENCH' || lpad(i::text, 13, '0'), 'declared' FROM generate_series(1, $1::int) AS i
       RETURNING id`,
      [total],
    )
    await pool.query(
      `INSERT INTO sessions (token_hash, citizen_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
      [tokens.map((t) => createHash('sha256').update(t).digest('hex')), citizens.map((c) => c.id)],
    )
    // Materialise every slot of the window for the matters used.
    const slotIds: string[] = []
    for (const key of MATTERS) {
      const { rows } = await pool.query(`SELECT id FROM matters WHERE key = $1`, [key])
      const av = (await (await fetch(`${base}/api/appointments/availability?matterId=${rows[0].id}`)).json()) as Availability
      for (const d of av.days) for (const s of d.slots) slotIds.push(s.id)
    }
    await pool.query(`UPDATE appointment_slots SET capacity = 1000000`)
    await pool.query('ANALYZE')
    let used = 0
    const take = (n: number) => tokens.slice(used, (used += n))
    const url = `${base}/api/appointments`
    const hot = slotIds[0]
    const spreadSlots = slotIds.slice(1, -ROUNDS)

    // Warm-up: connections, JIT, plans.
    await fire(url, take(200).map((token, i) => ({ token, slotId: slotIds[i % slotIds.length] })))
    // Rounds interleave the scenarios, so a change in machine load hits all of them alike.
    const results: Record<'bare' | 'one' | 'spread' | 'full', Outcome[]> = { bare: [], one: [], spread: [], full: [] }
    for (let round = 0; round < ROUNDS; round++) {
      results.bare.push(await fire(bareUrl, tokens.slice(0, REQUESTS).map((token) => ({ token, slotId: hot })), [200]))
      results.one.push(await fire(url, take(REQUESTS).map((token) => ({ token, slotId: hot }))))
      results.spread.push(await fire(url, take(REQUESTS).map((token, i) => ({ token, slotId: spreadSlots[i % spreadSlots.length] }))))
      const fullSlot = slotIds[slotIds.length - 1 - round]
      await pool.query(`UPDATE appointment_slots SET capacity = booked + 5 WHERE id = $1`, [fullSlot])
      results.full.push(await fire(url, take(REQUESTS).map((token) => ({ token, slotId: fullSlot }))))
    }

    const { rows: check } = await pool.query(
      `SELECT count(*)::int AS over FROM appointment_slots s
       WHERE s.booked <> (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled') OR s.booked > s.capacity`,
    )
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const range = (xs: number[], digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`
    const line = (name: string, os: Outcome[]) =>
      console.log(
        `  ${name.padEnd(30)} booked ${os.map((o) => o.ok).join('/')}, full ${os.map((o) => o.full).join('/')}: ` +
          `${range(os.map((o) => REQUESTS / o.seconds))} req/s, p50 ${range(os.map((o) => o.p50))} ms, p99 ${range(os.map((o) => o.p99))} ms`,
      )
    console.log(
      `## Booking under contention on PostgreSQL (${REQUESTS} requests per scenario and round, ${CONCURRENCY} concurrent clients, ` +
        `distinct citizens; median (min–max) of ${ROUNDS} rounds)`,
    )
    line('bare route (constant)', results.bare)
    line('one slot (all on one row)', results.one)
    line(`spread over ${spreadSlots.length} slots`, results.spread)
    line('one slot with 5 places left', results.full)
    console.log(`  counters exact and never over capacity: ${check[0].over === 0 ? 'yes' : `NO (${check[0].over} slots)`}`)
  } finally {
    await app.close()
    await bare.close()
    await db.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureBookingContention()
