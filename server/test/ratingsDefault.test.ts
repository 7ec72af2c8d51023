/** 系统默认好评: cases not rated within 7 natural days get 基本满意 (systemDefault) — once, whatever runs the job. */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RatingPage } from '../../types/ratings'
import { applyDefaultRatings } from '../src/services/ratings/defaultRatings'
import { caseTarget } from '../src/services/ratings/targets'
import { matterOf } from './casesHelpers'
import { completedCase, good, newCitizen, rate, rateOk, sql } from './ratingsHelpers'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'
import { testEngine } from './testDatabase'

let t: TestApp
let window: { authorization: string }
let matterId: string
before(async () => {
  t = await startTestApp()
  window = await signInStaff(t, 'scjg.window')
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

const finishedDaysAgo = (caseId: string, days: number) =>
  sql(t, `UPDATE cases SET finished_at = now() - make_interval(days => $2::int) - interval '1 minute' WHERE id = $1`, [caseId, days])
const ratingsOf = async (caseId: string) =>
  (await sql(t, `SELECT level, channel, round, citizen_id, bad_status FROM ratings WHERE case_id = $1 ORDER BY round`, [caseId])).rows

test('unrated cases completed over 7 days ago get 基本满意 once; younger or rated cases are left alone; a second run does nothing', async () => {
  const c = await newCitizen(t)
  const old = await completedCase(t, window, matterId, c)
  const young = await completedCase(t, window, matterId, c)
  const rated = await completedCase(t, window, matterId, c)
  await rateOk(t, c, { ...good(rated.id), level: 'verySatisfied' })
  await finishedDaysAgo(old.id, 7)
  await finishedDaysAgo(young.id, 6)
  await finishedDaysAgo(rated.id, 30)
  const { registerCase } = await import('./casesHelpers')
  const running = await registerCase(t, window, matterId, { applicantPhone: c.phone })
  await sql(t, `UPDATE cases SET created_at = now() - interval '30 days' WHERE id = $1`, [running.case.id])

  const first = await applyDefaultRatings(t.db.database.db)
  assert.ok(first >= 1)
  assert.deepEqual(await ratingsOf(old.id), [{ level: 'basicallySatisfied', channel: 'systemDefault', round: 1, citizen_id: null, bad_status: null }])
  assert.deepEqual(await ratingsOf(young.id), [])
  assert.deepEqual((await ratingsOf(rated.id)).map((r) => r.channel), ['mobile'])
  assert.deepEqual(await ratingsOf(running.case.id), [], 'an unfinished case is never defaulted')

  assert.equal(await applyDefaultRatings(t.db.database.db), 0, 'idempotent')
  assert.equal((await ratingsOf(old.id)).length, 1)

  // The citizen sees it among their ratings and cannot rate that case any more.
  const mine: RatingPage = json(await t.app.inject({ url: '/api/ratings', headers: c }))
  assert.ok(mine.items.some((i) => i.target.caseId === old.id && i.channel === 'systemDefault'))
  const late = await rate(t, c, good(old.id))
  assert.equal(late.statusCode, 409)

  // The young case defaults once its 7 days are over ("now" moved on; nothing was kept in memory).
  assert.equal(await applyDefaultRatings(t.db.database.db, new Date(Date.now() + 86_400_000)), 1)
  assert.equal((await ratingsOf(young.id)).length, 1)
})

test('concurrent runs (as on two instances) rate each case once', async () => {
  const c = await newCitizen(t)
  const cases = await Promise.all([0, 1, 2].map(() => completedCase(t, window, matterId, c)))
  for (const k of cases) await finishedDaysAgo(k.id, 8)
  const counts = await Promise.all([1, 2, 3, 4].map(() => applyDefaultRatings(t.db.database.db)))
  assert.equal(counts.reduce((a, b) => a + b, 0), 3, `rated once in all: ${counts}`)
  for (const k of cases) assert.equal((await ratingsOf(k.id)).length, 1)
})

test(
  'the lock a citizen’s rating holds on its case does not stop the job inserting (else each waits on the other: a deadlock)',
  { skip: testEngine !== 'postgres' && 'PGlite serves one connection: nothing runs beside an open transaction' },
  async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    await finishedDaysAgo(k.id, 8)
    await t.db.database.db.transaction(async (tx) => {
      assert.ok(await caseTarget(tx, k.id, true), 'the rating transaction holds the case')
      let timer: NodeJS.Timeout | undefined
      const outcome = await Promise.race([
        applyDefaultRatings(t.db.database.db).then((n) => `rated ${n}`),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('blocked by the rating lock'), 5000))),
      ])
      clearTimeout(timer)
      assert.equal(outcome, 'rated 1')
    })
  },
)

test('a citizen rating at the same moment as the job: one rating in all', async () => {
  const c = await newCitizen(t)
  const k = await completedCase(t, window, matterId, c)
  await finishedDaysAgo(k.id, 8)
  const [res] = await Promise.all([rate(t, c, good(k.id)), applyDefaultRatings(t.db.database.db)])
  assert.ok([201, 409].includes(res.statusCode), res.body)
  assert.equal((await ratingsOf(k.id)).length, 1)
})
