/**
 * Scale-out: two `main.ts` processes on ONE PostgreSQL database, each with its
 * own DATA_DIR and one shared FILE_DIR (the shared mount), behind a
 * round-robin proxy that adds X-Forwarded-For. Every scheduled job runs on
 * both every second; each due item must be acted on exactly once. Limits and
 * claims counted through alternating instances hold as on one.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { book, bookRaw, matterId as appointmentMatter, newCitizen, openSlots, setCapacity, moveBooking } from './appointmentsHelpers'
import { matterOf, registerCase, actOk } from './casesHelpers'
import { fileOk, uploadPhoto, uploadPhotoOk } from './complaintsHelpers'
import { issueOrder, startPay } from './paymentsHelpers'
import { attach, draft, matterIdOf, staffPart, submitted } from './prereviewHelpers'
import { completedCase } from './ratingsHelpers'
import { startLoopbackProxy, BACKEND_HEADER, type LoopbackProxy } from './support/loopbackProxy'
import { freePort, httpTestApp, startServerProcess, startSimulators, type ServerProcess, type Simulators } from './support/serverProcess'
import { openTestDatabase, testEngine, type TestDatabase } from './testDatabase'
import { signInByPhone, signInStaff, type TestApp } from './testApp'

const skip = testEngine !== 'postgres' ? 'several server processes share one real PostgreSQL: run with TEST_DATABASE=postgres' : false

const SMS_TEMPLATES = {
  SMS_APPT: '您预约的${matter}${time}在${place}办理',
  SMS_CASE: '您办理的${matter}${status}：${note}',
}
const SMS_HOURLY_LIMIT_PER_CLIENT = 4

/**
 * The proxy appends its peer (127.0.0.1) to X-Forwarded-For, as nginx does;
 * the instances trust that address only, as production trusts the city's
 * proxy. The test sends its own first entry, so each request can come from
 * a different client.
 */
const TRUST_PROXY = '127.0.0.1'

let clientSeq = 0
const nextClient = () => `10.${(++clientSeq >> 16) & 255}.${(clientSeq >> 8) & 255}.${clientSeq & 255}`

type Inject = (o: { method?: string; url: string; headers?: Record<string, string>; payload?: unknown }) => ReturnType<TestApp['app']['inject']>

/** The test helpers' TestApp over the proxy: each request from its own client address unless `client` fixes one. */
function viaProxy(proxy: LoopbackProxy, sims: Simulators, db: TestDatabase, client?: string): TestApp {
  const base = httpTestApp(proxy.url, sims)
  const inject = base.app.inject as unknown as Inject
  const app = { inject: (o: Parameters<Inject>[0]) => inject({ ...o, headers: { 'x-forwarded-for': client ?? nextClient(), ...o.headers } }) }
  return { ...base, db, app } as unknown as TestApp
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('two instances on one database behind a proxy', { skip }, () => {
  let db: TestDatabase
  let sims: Simulators
  let proxy: LoopbackProxy
  let t: TestApp
  let env: Record<string, string>[]
  const instances: ServerProcess[] = []
  const dirs: string[] = []
  const sql = (text: string, params: unknown[] = []) => db.database.pool.query(text, params)
  const fetchVia = async (backend: number, url: string) => {
    proxy.pin(backend)
    try {
      const res = await fetch(`${proxy.url}${url}`, { headers: { 'x-forwarded-for': nextClient() } })
      assert.equal(res.headers.get(BACKEND_HEADER), String(backend))
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
    } finally {
      proxy.pin(null)
    }
  }

  before(async () => {
    db = await openTestDatabase('postgres')
    sims = await startSimulators({ smsTemplates: SMS_TEMPLATES })
    const ports = [await freePort(), await freePort()]
    proxy = await startLoopbackProxy(ports.map((p) => `http://127.0.0.1:${p}`))
    const fileDir = await mkdtemp(join(tmpdir(), 'pyc-scale-files-'))
    dirs.push(fileDir)
    env = []
    for (const port of ports) {
      const dataDir = await mkdtemp(join(tmpdir(), 'pyc-scale-data-'))
      dirs.push(dataDir)
      env.push({
        ...sims.env(proxy.url),
        PORT: String(port),
        DATABASE_URL: db.url!,
        DATA_DIR: dataDir,
        FILE_DIR: fileDir,
        TRUST_PROXY,
        SMS_TEMPLATE_APPOINTMENT_REMINDER: 'SMS_APPT',
        SMS_TEMPLATE_CASE_STEP: 'SMS_CASE',
        SMS_HOURLY_LIMIT_PER_CLIENT: String(SMS_HOURLY_LIMIT_PER_CLIENT),
        LOOKUP_MAX_FAILURES: '3',
        APPOINTMENT_REMINDER_INTERVAL_SECONDS: '1',
        TOLERANCE_REMINDER_INTERVAL_SECONDS: '1',
        RATING_DEFAULT_INTERVAL_SECONDS: '1',
        PAYMENT_RECONCILE_INTERVAL_SECONDS: '1',
        NOTIFICATION_RETRY_INTERVAL_SECONDS: '5',
      })
    }
    instances.push(...(await Promise.all(env.map((e) => startServerProcess(e)))))
    t = viaProxy(proxy, sims, db)
  })

  after(async () => {
    await Promise.all(instances.map((i) => i.stop()))
    await proxy?.close()
    await sims?.pay.idle()
    await sims?.close()
    await db?.close()
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  })

  test('the proxy alternates between the two instances', async () => {
    const seen = await Promise.all([0, 1, 2, 3].map(() => fetch(`${proxy.url}/api/health`).then((r) => r.headers.get(BACKEND_HEADER))))
    assert.deepEqual([...seen].sort(), ['0', '0', '1', '1'])
  })

  test('files uploaded through one instance are served by the other, under one URL key that survives a restart', async () => {
    const owner = await (async () => {
      const c = await newCitizen(t)
      return { authorization: c.authorization }
    })()
    const matter = await matterIdOf(t, 'individual-business-registration')
    proxy.pin(0)
    const d = await draft(t, owner, { kind: 'matter', matterId: matter })
    const page = await attach(t, owner, d.id, d.materials[0].slot.key)
    proxy.pin(null)
    const { rows: stored } = await sql(`SELECT sha256 FROM prereview_files WHERE id = $1`, [page.id])
    const served = await fetchVia(1, page.url)
    assert.equal(served.status, 200)
    assert.equal(served.body.length, page.bytes)

    // The staff side: a clerk's view minted by instance 1, the bytes read through instance 0.
    const clerk = await signInStaff(t, 'scjg.window')
    const sent = await submitted(t, owner, { kind: 'matter', matterId: matter })
    proxy.pin(1)
    const staffView = await staffPart(t, clerk, sent.parts[0].id)
    proxy.pin(null)
    assert.equal(staffView.statusCode, 200, staffView.body)
    const staffUrl = staffView.json().materials.find((m: { files: unknown[] }) => m.files.length > 0).files[0].url as string
    assert.equal((await fetchVia(0, staffUrl)).status, 200)

    const reporter = await newCitizen(t)
    proxy.pin(1)
    const photo = await uploadPhotoOk(t, reporter)
    const complaint = await fileOk(t, reporter, { photoIds: [photo.id] })
    proxy.pin(null)
    assert.equal((await fetchVia(0, photo.url)).status, 200)
    assert.equal((await fetchVia(0, complaint.photos[0].url)).status, 200)
    assert.equal((await fetchVia(1, complaint.photos[0].url)).status, 200)
    const forged = photo.url.replace(/signature=[^&]+/, `signature=${'A'.repeat(43)}`)
    assert.equal((await fetchVia(0, forged)).status, 403, 'a forged link stays refused on every instance')

    const { rows: keys } = await sql(`SELECT count(*)::int AS n FROM server_keys`)
    assert.equal(keys[0].n, 1, 'both instances use the one key in the database')
    assert.ok(stored[0].sha256)

    // A restart: links minted before it keep working.
    await instances[1].stop()
    instances[1] = await startServerProcess(env[1])
    assert.equal((await fetchVia(1, page.url)).status, 200)
    assert.equal((await fetchVia(1, photo.url)).status, 200)
  })

  test('scheduled jobs on both instances act on each due item exactly once', async () => {
    const window = await signInStaff(t, 'scjg.window')
    const caseMatter = await matterOf(t, 'scjg', 5)

    // Default ratings: cases finished eight days ago.
    const rated = await newCitizen(t)
    const finished = await Promise.all([0, 1, 2, 3, 4].map(() => completedCase(t, window, caseMatter, rated)))
    await sql(`UPDATE cases SET finished_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])`, [finished.map((c) => c.id)])

    // 容缺 reminders: accepted cases whose promise is due tomorrow.
    const tolerant = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const c = await newCitizen(t)
        const receipt = await registerCase(t, window, caseMatter, { applicantPhone: c.phone })
        await actOk(t, window, receipt.case.id, 'accept')
        return { caseId: receipt.case.id, citizenId: c.id }
      }),
    )
    for (const c of tolerant) {
      await sql(
        `UPDATE cases SET citizen_id = $2, tolerance_materials = '["营业执照副本"]'::jsonb,
           tolerance_promised_on = to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') WHERE id = $1`,
        [c.caseId, c.citizenId],
      )
    }

    // Appointment reminders: bookings moved to start in half an hour.
    const idCard = await appointmentMatter(t, 'id-card-renewal')
    const slots = await openSlots(t, idCard)
    const booked = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) => {
        const c = await newCitizen(t)
        const a = await book(t, c, slots[i % slots.length].id)
        return { id: a.id, phone: c.phone }
      }),
    )
    for (const a of booked) await moveBooking(t, a.id, 30)

    // Payment reconcile: paid at WeChat Pay, the notification lost; the job must settle it.
    sims.pay.setSwitches({ lose: true })
    const payer = await newCitizen(t)
    const payCase = await registerCase(t, window, caseMatter, { applicantPhone: payer.phone })
    await actOk(t, window, payCase.case.id, 'accept')
    await sql(`UPDATE cases SET citizen_id = $2 WHERE id = $1`, [payCase.case.id, payer.id])
    const order = await issueOrder(t, window, payCase.case.id)
    const started = await startPay(t, payer, order.id, 'native')
    assert.equal(started.statusCode, 200, started.body)
    const simOrder = [...sims.pay.orders.values()].find((o) => o.codeUrl === started.json().codeUrl)!
    sims.pay.pay(simOrder.outTradeNo)
    const countsOf = async () =>
      (
        await sql(
          `SELECT (SELECT count(*)::int FROM case_steps WHERE case_id = $2) AS steps,
                  (SELECT count(*)::int FROM notifications WHERE subject_id = $1::text) AS messages`,
          [order.id, payCase.case.id],
        )
      ).rows[0]
    const beforeSettle = await countsOf()
    await sql(`UPDATE payment_attempts SET created_at = now() - interval '2 minutes' WHERE fee_order_id = $1`, [order.id])
    // Payment expiry: an unpaid order past its deadline is closed once.
    const lateCase = await registerCase(t, window, caseMatter, { applicantPhone: payer.phone })
    await actOk(t, window, lateCase.case.id, 'accept')
    const late = await issueOrder(t, window, lateCase.case.id)
    await sql(`UPDATE fee_orders SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [late.id])

    // Wait for every job to have reached every item, then a few more rounds on both instances.
    await until('default ratings', async () => {
      const { rows } = await sql(`SELECT count(DISTINCT case_id)::int AS n FROM ratings WHERE case_id = ANY($1::uuid[])`, [finished.map((c) => c.id)])
      return rows[0].n === finished.length
    })
    await until('tolerance reminders', async () => {
      const { rows } = await sql(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[]) AND tolerance_reminded_at IS NOT NULL`, [tolerant.map((c) => c.caseId)])
      return rows[0].n === tolerant.length
    })
    await until('appointment reminders', async () => {
      const { rows } = await sql(`SELECT count(*)::int AS n FROM appointments WHERE id = ANY($1::uuid[]) AND reminded_hour_before_at IS NOT NULL`, [booked.map((a) => a.id)])
      return rows[0].n === booked.length
    })
    await until('the reconciled payment', async () => {
      const { rows } = await sql(`SELECT status FROM fee_orders WHERE id = $1`, [order.id])
      return rows[0].status === 'paid'
    })
    await until('the expired order', async () => {
      const { rows } = await sql(`SELECT status FROM fee_orders WHERE id = $1`, [late.id])
      return rows[0].status === 'expired'
    })
    await sleep(3000)

    const { rows: expirySteps } = await sql(`SELECT count(*)::int AS n FROM case_steps WHERE case_id = $1 AND comment LIKE '%已超过限缴日期%'`, [lateCase.case.id])
    assert.equal(expirySteps[0].n, 1, 'one expiry step')

    const { rows: ratings } = await sql(`SELECT case_id, count(*)::int AS n, min(channel) AS channel FROM ratings WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`, [
      finished.map((c) => c.id),
    ])
    assert.equal(ratings.length, finished.length)
    for (const r of ratings) assert.deepEqual([r.n, r.channel], [1, 'systemDefault'])

    const { rows: toleranceMessages } = await sql(
      `SELECT case_id, count(*)::int AS n FROM notifications WHERE case_id = ANY($1::uuid[]) AND title = '请按承诺补交容缺材料' GROUP BY case_id`,
      [tolerant.map((c) => c.caseId)],
    )
    assert.deepEqual(toleranceMessages.map((r) => r.n), tolerant.map(() => 1))

    for (const a of booked) {
      const { rows } = await sql(
        `SELECT (reminded_day_before_at IS NOT NULL)::int + (reminded_hour_before_at IS NOT NULL)::int AS stamps,
                (SELECT count(*)::int FROM notifications n WHERE n.kind = 'appointmentReminder' AND n.subject_id = $1::text) AS messages
         FROM appointments WHERE id = $1::uuid`,
        [a.id],
      )
      const sms = sims.sms.outbox.filter((m) => m.phone === a.phone && m.templateCode === 'SMS_APPT').length
      assert.equal(rows[0].messages, rows[0].stamps, 'one message per reminder')
      assert.equal(sms, rows[0].stamps, 'one SMS per reminder')
    }

    const afterSettle = await countsOf()
    assert.deepEqual(
      { steps: afterSettle.steps - beforeSettle.steps, messages: afterSettle.messages - beforeSettle.messages },
      { steps: 1, messages: 1 },
      'one settlement step and one message for the reconciled payment',
    )
    const { rows: attempts } = await sql(`SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid FROM payment_attempts WHERE fee_order_id = $1`, [order.id])
    assert.equal(attempts[0].paid, 1)
    sims.pay.setSwitches({ lose: false })

    // Notification retries: sent SMS deliveries made due again are retried once each.
    const { rows: deliveries } = await sql(
      `UPDATE notification_deliveries d SET status = 'queued', sent_at = NULL, next_attempt_at = now() - interval '1 second'
       FROM notifications n WHERE n.id = d.notification_id AND n.case_id = ANY($1::uuid[]) AND n.title = '请按承诺补交容缺材料' AND d.channel = 'sms'
       RETURNING d.id, d.attempts`,
      [tolerant.map((c) => c.caseId)],
    )
    assert.equal(deliveries.length, tolerant.length)
    const smsBefore = sims.sms.outbox.filter((m) => m.templateCode === 'SMS_CASE').length
    await until(
      'notification retries',
      async () => {
        const { rows } = await sql(`SELECT count(*)::int AS n FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND status = 'sent'`, [deliveries.map((d) => d.id)])
        return rows[0].n === deliveries.length
      },
      30_000,
    )
    await sleep(6000) // one more round of the retry job on both instances
    const { rows: retried } = await sql(`SELECT id, attempts FROM notification_deliveries WHERE id = ANY($1::uuid[])`, [deliveries.map((d) => d.id)])
    const attemptsBefore = new Map(deliveries.map((d) => [d.id, d.attempts as number]))
    for (const r of retried) assert.equal(r.attempts, attemptsBefore.get(r.id)! + 1, 'one retry per due delivery')
    assert.equal(sims.sms.outbox.filter((m) => m.templateCode === 'SMS_CASE').length - smsBefore, deliveries.length, 'one SMS per retry')
  })

  test('sign-in SMS limits hold across instances: the resend wait per phone, the hourly cap per client', async () => {
    const phone = '13912340001'
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone } })
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone } })
    assert.equal(first.statusCode, 200, first.body)
    assert.notEqual(first.headers[BACKEND_HEADER], second.headers[BACKEND_HEADER])
    assert.equal(second.statusCode, 429, 'the resend wait is kept in the database')

    const oneClient = viaProxy(proxy, sims, db, '10.250.0.1')
    const statuses: number[] = []
    const backends = new Set<string>()
    for (let i = 0; i < SMS_HOURLY_LIMIT_PER_CLIENT + 2; i++) {
      const res = await oneClient.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone: `1391235${String(i).padStart(4, '0')}` } })
      statuses.push(res.statusCode)
      backends.add(String(res.headers[BACKEND_HEADER]))
    }
    assert.deepEqual(backends, new Set(['0', '1']))
    assert.deepEqual(statuses, [...Array(SMS_HOURLY_LIMIT_PER_CLIENT).fill(200), 429, 429])
    // Another client is not affected.
    const other = await signInByPhone(t, '13912360001')
    assert.ok(other.authorization)
  })

  test('the anonymous lookup guard counts failures from both instances', async () => {
    const window = await signInStaff(t, 'scjg.window')
    const receipt = await registerCase(t, window, await matterOf(t, 'scjg', 5))
    const wrong = receipt.queryPassword === '000000' ? '111111' : '000000'
    const lookup = (password: string) => t.app.inject({ method: 'POST', url: '/api/cases/lookup', payload: { number: receipt.case.number, password } })
    const failures = []
    for (let i = 0; i < 3; i++) failures.push(await lookup(wrong))
    assert.deepEqual(failures.map((r) => r.statusCode), [404, 404, 404])
    assert.equal(new Set(failures.map((r) => r.headers[BACKEND_HEADER])).size, 2)
    for (const backend of [0, 1]) {
      proxy.pin(backend)
      const locked = await lookup(receipt.queryPassword)
      proxy.pin(null)
      assert.equal(locked.statusCode, 429, `locked on instance ${backend} too`)
    }
  })

  test('the last appointment place taken at once through both instances goes to exactly one', async () => {
    const matter = await appointmentMatter(t, 'residence-permit')
    const slot = (await openSlots(t, matter))[0]
    const { rows } = await sql(`SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1 AND status = 'booked'`, [slot.id])
    await setCapacity(t, slot.id, rows[0].n + 1)
    const [a, b] = await Promise.all([newCitizen(t), newCitizen(t)])
    const results = await Promise.all([bookRaw(t, a, slot.id), bookRaw(t, b, slot.id)])
    assert.notEqual(results[0].headers[BACKEND_HEADER], results[1].headers[BACKEND_HEADER], 'one request per instance')
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409])
    const { rows: after } = await sql(`SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1 AND status = 'booked'`, [slot.id])
    assert.equal(after[0].n, rows[0].n + 1)
  })

  test('a pre-review claimed through one instance cannot be taken through the other', async () => {
    const [clerk, lead] = await Promise.all([signInStaff(t, 'scjg.window'), signInStaff(t, 'scjg.lead')])
    const owner = await newCitizen(t)
    const matter = await matterIdOf(t, 'individual-business-registration')
    const one = await submitted(t, owner, { kind: 'matter', matterId: matter })
    proxy.pin(0)
    assert.equal((await staffPart(t, clerk, one.parts[0].id, '/claim')).statusCode, 200)
    proxy.pin(1)
    assert.equal((await staffPart(t, lead, one.parts[0].id, '/claim')).statusCode, 409)
    proxy.pin(null)

    const two = await submitted(t, owner, { kind: 'matter', matterId: matter })
    const both = await Promise.all([staffPart(t, clerk, two.parts[0].id, '/claim'), staffPart(t, lead, two.parts[0].id, '/claim')])
    assert.notEqual(both[0].headers[BACKEND_HEADER], both[1].headers[BACKEND_HEADER])
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409])
  })

  test('the complaint photo upload limit per citizen counts uploads through both instances', async () => {
    const citizen = await newCitizen(t)
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await uploadPhoto(t, citizen)).statusCode)
    assert.deepEqual(statuses, [...Array(30).fill(201), 429])
    assert.deepEqual(proxy.served().map((n) => n > 0), [true, true])
  })
})
