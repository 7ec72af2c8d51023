/**
 * Crash safety (issue 9): the API process is killed with SIGKILL in the middle
 * of a concurrent burst of pre-review submissions, page uploads, bookings,
 * payment starts and complaint filings, then restarted on the same database
 * and data folder. Every request the client saw acknowledged must be there as
 * answered, nothing may be half-written, and retrying the whole burst with the
 * same keys must create no duplicates.
 *
 * On PostgreSQL (TEST_DATABASE=postgres) the full burst runs; the embedded
 * PGlite part runs on either setting (it needs no PostgreSQL server): kill -9
 * of the API process, then of the API and the PGlite child together.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { EMBEDDED_DATABASE_WARNING } from '../src/db/embedded/durability'
import { openDatabase } from '../src/db/client'
import { freePort, httpTestApp, startServerProcess, startSimulators, type ServerProcess, type Simulators } from './support/serverProcess'
import { openTestDatabase, testEngine, type TestDatabase } from './testDatabase'
import type { TestApp } from './testApp'
import { attach, citizen, draft, fill, matterIdOf, JPEG, multipart } from './prereviewHelpers'
import { matterId, newCitizen, openSlots } from './appointmentsHelpers'
import { citizenCase, issueOrder } from './paymentsHelpers'
import { complaintBody } from './complaintsHelpers'
import { burst, send, tally, type BurstRequest, type Outcome } from './crashSafety/burst'
import { assertNoBreaches, findBreaches, promotedFiles } from './crashSafety/invariants'

const limits = { SMS_HOURLY_LIMIT_PER_CLIENT: '1000', SMS_DAILY_LIMIT_PER_PHONE: '100', PAYMENT_START_HOURLY_LIMIT: '1000' }
const noBreach = (ok: boolean, message: string) => assert.ok(ok, message)

/** Runs `fn` over `items`, `width` at a time (preparation need not be one giant burst). */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => fn(item, i + j)))))
  return out
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** The API's PGlite child: not just any child (tsx's esbuild service runs beside it when its cache is cold). */
function pgliteChildOf(pid: number): number | null {
  try {
    const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number)
    const isPglite = (child: number) => {
      try {
        return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('pgliteProcess')
      } catch {
        return false // gone meanwhile
      }
    }
    return pids.find(isPglite) ?? null
  } catch {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (!alive(pid)) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return !alive(pid)
}

// The two parts share nothing and mostly wait for processes to start: run side by side.
describe('crash safety', { concurrency: 2 }, () => {
  describe('kill -9 of the API on PostgreSQL during a burst of writes', { skip: testEngine === 'postgres' ? false : 'needs PostgreSQL: run with TEST_DATABASE=postgres (the embedded PGlite crash test below runs on either setting)' }, () => {
    let tdb: TestDatabase
    let sims: Simulators
    let server: ServerProcess
    let env: Record<string, string>
    let t: TestApp
    const sql = (text: string, params: unknown[] = []) => tdb.database.pool.query(text, params)

    before(async () => {
      ;[tdb, sims] = await Promise.all([openTestDatabase('postgres'), startSimulators()])
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      env = { DATABASE_URL: tdb.url!, DATA_DIR: dirname(tdb.storage.root), PORT: String(port), ...sims.env(url), ...limits }
      server = await startServerProcess(env)
      t = { ...httpTestApp(url, sims), db: tdb }
    })
    after(async () => {
      await server?.kill9()
      await sims?.close()
      await tdb?.close()
    })

    test('what was acknowledged survives whole, nothing is half-written, and retries create no duplicates', { timeout: 150_000 }, async () => {
      assert.ok(!server.output().includes(EMBEDDED_DATABASE_WARNING), 'on PostgreSQL the server does not warn about the embedded database')
      const requests: BurstRequest[] = []

      // Pre-reviews: complete drafts (every material has a page) to submit, and drafts to upload a page to.
      const licence = await matterIdOf(t, 'individual-business-registration')
      const target = { kind: 'matter' as const, matterId: licence }
      const submitters = await inBatches(range(24), 8, async () => {
        const who = await newCitizen(t)
        const d = await fill(t, who, await draft(t, who, target))
        for (const m of d.materials) await attach(t, who, d.id, m.slot.key)
        return { who, id: d.id }
      })
      for (const s of submitters) requests.push({ kind: 'submit', subject: s.id, who: s.who, method: 'POST', url: `/api/prereviews/${s.id}/submit`, payload: {} })
      const uploaders = await inBatches(range(10), 10, async () => {
        const who = await newCitizen(t)
        const d = await draft(t, who, target)
        return { who, id: d.id, slotKey: d.materials[0].slot.key }
      })
      for (const u of uploaders) {
        const { body, contentType } = multipart([{ name: 'file', data: JPEG(512 * 1024), filename: 'page.jpg', contentType: 'image/jpeg' }])
        requests.push({ kind: 'upload', subject: u.id, who: u.who, method: 'POST', url: `/api/prereviews/${u.id}/materials/${u.slotKey}/files`, headers: { 'content-type': contentType }, payload: body })
      }

      // Bookings: three slots with few places left and more bookers than places, one roomy slot.
      const slots = (await openSlots(t, await matterId(t, 'id-card-renewal'))).slice(0, 4)
      assert.equal(slots.length, 4, 'four open slots to book')
      const places = [2, 3, 4, 30]
      const bookersPer = [6, 6, 6, 8]
      for (const [i, slot] of slots.entries()) {
        await sql(`UPDATE appointment_slots SET capacity = booked + $2 WHERE id = $1`, [slot.id, places[i]])
        for (const _ of range(bookersPer[i])) {
          const who = await newCitizen(t)
          requests.push({ kind: 'book', subject: slot.id, who, method: 'POST', url: '/api/appointments', payload: { slotId: slot.id } })
        }
      }

      // Payments: fee orders issued by staff on citizens' cases, paid by QR code (native).
      const orders = await inBatches(range(10), 5, async () => {
        const c = await citizenCase(t, 'scjg')
        const order = await issueOrder(t, c.staff, c.caseId)
        return { who: c.citizen, orderId: order.id }
      })
      for (const o of orders) requests.push({ kind: 'pay', subject: o.orderId, who: o.who, method: 'POST', url: `/api/payments/${o.orderId}/pay`, payload: { method: 'native' } })

      // Complaints, each with its client key.
      for (const who of await inBatches(range(16), 8, () => newCitizen(t))) {
        const payload = complaintBody()
        requests.push({ kind: 'complain', subject: payload.clientKey, who, method: 'POST', url: '/api/complaints', payload })
      }

      // Shuffled, so the kill cuts through every kind.
      requests.sort(() => Math.random() - 0.5)
      const promotedBefore = new Set(promotedFiles(tdb.storage.root))
      const { outcomes, killed } = await burst(t, requests, Math.floor(requests.length / 3), () => server.kill9())
      await killed
      const counts = tally(outcomes)
      const acknowledged = outcomes.filter((o) => o.acknowledged)
      const cut = outcomes.filter((o) => o.status === undefined)
      console.log(`burst of ${requests.length}: ${JSON.stringify(counts)}`)
      assert.ok(acknowledged.length > 0 && cut.length > 0, `the kill landed in the middle of the burst: ${JSON.stringify(counts)}`)
      for (const o of outcomes) {
        if (o.status === undefined || o.acknowledged) continue
        // Answered refusals before the kill can only be a full slot or a second booking.
        assert.equal(o.request.kind, 'book', `${o.request.kind} refused with ${o.status}: ${JSON.stringify(o.body)}`)
        assert.equal(o.status, 409, JSON.stringify(o.body))
      }

      server = await startServerProcess(env)
      await checkAcknowledged(acknowledged)
      assertNoBreaches(await findBreaches(tdb.database.pool, tdb.storage.root), noBreach)
      // Cut-off uploads may leave complete bytes under their hash without a row (committed to disk
      // just before the row's transaction); never more than the uploads that were cut off.
      const orphans = promotedFiles(tdb.storage.root).filter((p) => !promotedBefore.has(p))
      const rows = new Set((await sql(`SELECT sha256 FROM prereview_files`)).rows.map((r) => r.sha256 as string))
      const unrecorded = orphans.filter((p) => !rows.has(p.slice(3)))
      assert.ok(unrecorded.length <= cut.filter((o) => o.request.kind === 'upload').length, `files without a row: ${unrecorded.length}`)

      // Retrying the whole burst: same answers for what was acknowledged, the rest completes, no duplicates.
      const retries = await inBatches(outcomes, 20, async (o) => {
        if (o.request.kind === 'upload' && o.acknowledged) return { o, status: 0, body: null } // pages have no client key: a retry is a new page
        const res = await send(t, o.request)
        return { o, status: res.statusCode, body: res.json() }
      })
      for (const { o, status, body } of retries) await checkRetry(o, status, body)
      assertNoBreaches(await findBreaches(tdb.database.pool, tdb.storage.root), noBreach)
      const dup = await sql(`
        SELECT 'booking' AS what, citizen_id::text AS key FROM appointments WHERE status <> 'cancelled' GROUP BY citizen_id, matter_id, date HAVING count(*) > 1
        UNION ALL SELECT 'open payment', fee_order_id::text FROM payment_attempts WHERE status = 'open' AND code_url IS NOT NULL GROUP BY fee_order_id HAVING count(*) > 1
        UNION ALL SELECT 'complaint', client_key::text FROM complaints GROUP BY citizen_id, client_key HAVING count(*) > 1`)
      assert.deepEqual(dup.rows, [], 'no duplicates after the retries')
    })

    async function checkAcknowledged(acknowledged: Outcome[]): Promise<void> {
      for (const o of acknowledged) {
        const { kind, subject } = o.request
        const b = o.body
        if (kind === 'submit') {
          const p = (await sql(`SELECT status, number FROM prereviews WHERE id = $1`, [subject])).rows[0]
          assert.deepEqual(p, { status: 'submitted', number: b.number }, `acknowledged submission ${subject}`)
          const parts = (await sql(`SELECT status, round FROM prereview_parts WHERE prereview_id = $1`, [subject])).rows
          assert.ok(parts.length > 0 && parts.every((r) => r.status === 'pending' && r.round === 1), JSON.stringify(parts))
          const pages = (await sql(`SELECT count(DISTINCT slot_key)::int AS n FROM prereview_files WHERE prereview_id = $1 AND replaced_at IS NULL`, [subject])).rows[0].n
          assert.equal(pages, b.materials.length, 'every material keeps its page')
        } else if (kind === 'upload') {
          const f = (await sql(`SELECT prereview_id, sha256, bytes FROM prereview_files WHERE id = $1`, [b.id])).rows[0]
          assert.equal(f?.prereview_id, subject, `acknowledged page ${b.id}`)
          assert.equal(readFileSync(join(tdb.storage.root, f.sha256.slice(0, 2), f.sha256)).length, f.bytes)
        } else if (kind === 'book') {
          const a = (await sql(`SELECT slot_id, status FROM appointments WHERE id = $1`, [b.id])).rows[0]
          assert.deepEqual(a, { slot_id: subject, status: 'booked' }, `acknowledged booking ${b.id}`)
        } else if (kind === 'pay') {
          const a = (await sql(`SELECT a.status, o.status AS order_status FROM payment_attempts a JOIN fee_orders o ON o.id = a.fee_order_id WHERE a.fee_order_id = $1 AND a.code_url = $2`, [subject, b.codeUrl])).rows
          assert.deepEqual(a, [{ status: 'open', order_status: 'paying' }], `acknowledged payment of ${subject}`)
        } else {
          const c = (await sql(`SELECT id, number FROM complaints WHERE client_key = $1`, [subject])).rows
          assert.deepEqual(c, [{ id: b.id, number: b.number }], `acknowledged complaint ${subject}`)
        }
      }
    }

    async function checkRetry(o: Outcome, status: number, body: any): Promise<void> {
      const { kind, subject } = o.request
      const what = `retry of ${kind} ${subject} (first: ${o.status ?? 'cut off'}): ${status} ${JSON.stringify(body)}`
      if (kind === 'submit') {
        assert.equal(status, 200, what)
        assert.equal(body.status, 'submitted', what)
        if (o.acknowledged) assert.equal(body.number, o.body.number, what)
      } else if (kind === 'upload') {
        if (!o.acknowledged) assert.equal(status, 201, what)
      } else if (kind === 'book') {
        // A booking has no client key: the retry is refused (already booked that day, or full).
        if (o.acknowledged) assert.equal(status, 409, what)
        else assert.ok(status === 200 || status === 409, what)
      } else if (kind === 'pay') {
        if (o.acknowledged) {
          assert.equal(status, 200, what)
          assert.equal(body.codeUrl, o.body.codeUrl, `same payment back: ${what}`)
        } else if (status === 409) {
          // Cut off between recording the attempt and WeChat Pay's answer: it is in flight for 15 s, then closed and replaced.
          const inFlight = (await sql(`SELECT count(*)::int AS n FROM payment_attempts WHERE fee_order_id = $1 AND status = 'open' AND code_url IS NULL`, [subject])).rows[0].n
          assert.equal(inFlight, 1, what)
        } else assert.equal(status, 200, what)
      } else {
        assert.ok(status === 200 || status === 201, what)
        if (o.acknowledged) assert.deepEqual([status, body.id], [200, o.body.id], what)
      }
    }
  })

  describe('kill -9 with the embedded PGlite', () => {
    test('the PGlite child goes away, the restart gets the folder, acknowledged writes are there and whole', { timeout: 150_000 }, async () => {
      // A seeded data folder (the test template), released so a server process can open it.
      const seeded = await openTestDatabase('pglite')
      const dataDir = dirname(seeded.storage.root)
      await seeded.database.close()
      const sims = await startSimulators()
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      const env = { DATA_DIR: dataDir, PORT: String(port), ...sims.env(url), ...limits }
      const lockPath = join(dataDir, 'pglite', 'paoyici.lock')
      let server = await startServerProcess(env)
      try {
        assert.ok(server.output().includes(EMBEDDED_DATABASE_WARNING), `the start-up output warns about the embedded database:\n${server.output()}`)
        const t = httpTestApp(url, sims)
        const acknowledged: Outcome[] = []

        // 1. Only the API process dies (kill -9): its PGlite child sees the IPC channel close, closes the database and leaves.
        const child1 = pgliteChildOf(server.pid)
        assert.ok(child1 && alive(child1), 'the API runs PGlite in a child process')
        // argv: … pgliteProcess.ts <dataDir> <socketDir>
        const socketDir1 = readFileSync(`/proc/${child1}/cmdline`, 'utf8').split('\0').filter(Boolean).at(-1)!
        assert.ok(existsSync(socketDir1), socketDir1)
        acknowledged.push(...(await embeddedBurst(t, () => server.kill9())))
        // Restarted at once, as a supervisor does: the folder may still be held while the child closes it.
        server = await startServerProcess(env)
        assert.ok(!alive(child1), 'the old PGlite child is gone')
        assert.equal(existsSync(socketDir1), false, 'the orphaned child removed its socket folder')
        await checkPresent(t, acknowledged)

        // 2. The API and its PGlite child die together (a container or process group killed): the lock
        // is left behind by a dead process, and PGlite replays its WAL on the next open.
        const child2 = pgliteChildOf(server.pid)!
        acknowledged.push(...(await embeddedBurst(t, async () => {
          process.kill(child2, 'SIGKILL')
          await server.kill9()
        })))
        assert.ok(await waitGone(child2, 5_000))
        assert.equal(readFileSync(lockPath, 'utf8').split(' ')[0], String(child2), 'a killed owner leaves its lock behind')
        const database = await openDatabase({ dataDir: join(dataDir, 'pglite') })
        try {
          const holder = Number(readFileSync(lockPath, 'utf8').split(' ')[0])
          assert.ok(holder !== child2 && alive(holder), 'the stale lock was taken over by the new opener')
          for (const o of acknowledged) {
            const query = o.request.kind === 'complain' ? `SELECT number FROM complaints WHERE id = $1` : `SELECT status FROM appointments WHERE id = $1`
            const row = (await database.pool.query(query, [o.body.id])).rows[0]
            assert.ok(row, `acknowledged ${o.request.kind} ${o.body.id}`)
            if (o.request.kind === 'complain') assert.equal(row.number, o.body.number)
            else assert.equal(row.status, 'booked')
          }
          // Whole rows only: the same checks as on PostgreSQL, on the folder itself.
          assertNoBreaches(await findBreaches(database.pool, join(dataDir, 'files')), noBreach)
        } finally {
          await database.close()
        }
        assert.equal(existsSync(lockPath), false, 'closing releases the folder')
      } finally {
        await server.kill9()
        await sims.close()
        rmSync(dataDir, { recursive: true, force: true })
      }
    })
  })
})

/** Citizens with real names file complaints and book one slot, all at once; the server is killed after six answers (PGlite runs one query at a time, so the rest are still queued). */
async function embeddedBurst(t: TestApp, kill: () => Promise<void>): Promise<Outcome[]> {
  const slot = await firstOpenSlot(t)
  const requests: BurstRequest[] = []
  // One at a time: citizen() numbers its ID after an await.
  const people = await inBatches(range(18), 1, () => signedInCitizen(t))
  for (const [i, who] of people.entries()) {
    // Bookings first: each runs more queries than a filing, and both kinds should be acknowledged before the kill.
    if (i >= 9) {
      const payload = complaintBody()
      requests.push({ kind: 'complain', subject: payload.clientKey, who, method: 'POST', url: '/api/complaints', payload })
    } else requests.push({ kind: 'book', subject: slot, who, method: 'POST', url: '/api/appointments', payload: { slotId: slot } })
  }
  const { outcomes, killed } = await burst(t, requests, 6, kill)
  await killed
  const acknowledged = outcomes.filter((o) => o.acknowledged)
  console.log(`embedded burst of ${requests.length}: ${JSON.stringify(tally(outcomes))}`)
  assert.ok(acknowledged.length > 0 && outcomes.some((o) => o.status === undefined), `the kill landed in the middle: ${JSON.stringify(tally(outcomes))}`)
  return acknowledged
}

/** A bookable slot of 居民身份证换领, found as the app finds it (no database access while the server holds PGlite). */
async function firstOpenSlot(t: TestApp): Promise<string> {
  const found = await t.app.inject({ url: `/api/matters?q=${encodeURIComponent('身份证')}` })
  const matter = found.json().items.find((m: { name: string }) => m.name === '居民身份证换领')
  assert.ok(matter, found.body)
  const slots = await openSlots(t, matter.id)
  assert.ok(slots.length > 0, 'an open slot')
  return slots.sort((a, b) => b.remaining - a.remaining)[0].id
}

/** A citizen signed in by SMS with a declared real name. */
async function signedInCitizen(t: TestApp): Promise<{ authorization: string }> {
  const who = await citizen(t)
  return { authorization: who.authorization }
}

/** Each acknowledged complaint and booking reads back as it was answered. */
async function checkPresent(t: TestApp, acknowledged: Outcome[]): Promise<void> {
  for (const o of acknowledged) {
    const url = o.request.kind === 'complain' ? `/api/complaints/${o.body.id}` : `/api/appointments/${o.body.id}`
    const res = await t.app.inject({ url, headers: o.request.who })
    assert.equal(res.statusCode, 200, `acknowledged ${o.request.kind} ${o.body.id}: ${res.body}`)
    if (o.request.kind === 'complain') assert.equal(res.json().number, o.body.number)
    else assert.equal(res.json().status, 'booked')
  }
}
