/** Rating statistics and the published aggregate on a small known data set (one department, two matters). */
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { PublicRatingSummary, RatingStatistics } from '../../types/ratings'
import { shanghaiDate } from '../src/domain/calendar'
import { applyDefaultRatings } from '../src/services/ratings/defaultRatings'
import { matterOf } from './casesHelpers'
import { completedCase, newCitizen, rateOk, rectification, sql, staffPostOk } from './ratingsHelpers'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'

type Auth = { authorization: string }
let t: TestApp
let rsjWindow: Auth
let rsjLead: Auth
let admin: Auth
let matterA: string
let matterB: string
let windowA: string | null
let windowB: string | null
let rsjId: string

/** rsj: the two first matters (by key) with a legal limit ≥ 5 days. */
async function twoMatters(): Promise<[string, string]> {
  const { rows } = await sql(
    t,
    `SELECT m.id FROM matters m JOIN departments d ON d.id = m.department_id WHERE d.key = 'rsj' AND m.legal_limit_days >= 5 ORDER BY m.key LIMIT 2`,
  )
  assert.equal(rows.length, 2)
  for (const r of rows) await sql(t, `UPDATE matters SET promised_limit_days = 5 WHERE id = $1`, [r.id])
  return [rows[0].id, rows[1].id]
}

before(async () => {
  t = await startTestApp()
  ;[rsjWindow, rsjLead, admin] = await Promise.all(['rsj.window', 'rsj.lead', 'admin'].map((u) => signInStaff(t, u)))
  ;[matterA, matterB] = await twoMatters()
  const w = await sql(t, `SELECT id, window_numbers ->> 0 AS w FROM matters WHERE id IN ($1, $2)`, [matterA, matterB])
  windowA = w.rows.find((r) => r.id === matterA).w
  windowB = w.rows.find((r) => r.id === matterB).w
  rsjId = (await sql(t, `SELECT department_id FROM matters WHERE id = $1`, [matterA])).rows[0].department_id

  // The data set. Matter A: 非常满意 (mobile), 满意 (pc), 不满意 rectified on time, 非常不满意 open and overdue.
  // Matter B: 基本满意 by system default, 非常不满意 excluded by an upheld appeal, 不满意 rectified late.
  // And one 满意 in another department (scjg).
  const c = await newCitizen(t)
  const rateCase = async (matter: string, body: object) => {
    const k = await completedCase(t, rsjWindow, matter, c)
    return rateOk(t, c, { caseId: k.id, scores: { overall: 3 }, ...body })
  }
  await rateCase(matterA, { channel: 'mobile', level: 'verySatisfied' })
  await rateCase(matterA, { channel: 'pc', level: 'satisfied' })
  const onTime = await rateCase(matterA, { channel: 'mobile', level: 'dissatisfied', tags: ['slow'] })
  await staffPostOk(t, rsjWindow, `/${onTime.id}/rectify`, rectification)
  const overdue = await rateCase(matterA, { channel: 'mobile', level: 'veryDissatisfied', tags: ['poorAttitude'] })
  await sql(t, `UPDATE ratings SET rectify_due_at = now() - interval '1 hour' WHERE id = $1`, [overdue.id])

  const unrated = await completedCase(t, rsjWindow, matterB, c)
  await sql(t, `UPDATE cases SET finished_at = now() - interval '8 days' WHERE id = $1`, [unrated.id])
  assert.equal(await applyDefaultRatings(t.db.database.db), 1)
  const malicious = await rateCase(matterB, { channel: 'mobile', level: 'veryDissatisfied', text: '乱写的恶意差评内容' })
  await staffPostOk(t, rsjLead, `/${malicious.id}/appeal`, { evidence: '评价人并未办理该事项，系恶意差评' })
  await staffPostOk(t, admin, `/${malicious.id}/appeal/decision`, { decision: 'upheld', comment: '申诉成立' })
  const late = await rateCase(matterB, { channel: 'mobile', level: 'dissatisfied', tags: ['longWait'] })
  await sql(t, `UPDATE ratings SET rectify_due_at = now() - interval '1 hour' WHERE id = $1`, [late.id])
  await staffPostOk(t, rsjWindow, `/${late.id}/rectify`, rectification)

  const scjgWindow = await signInStaff(t, 'scjg.window')
  const k = await completedCase(t, scjgWindow, await matterOf(t, 'scjg', 5), c)
  await rateOk(t, c, { caseId: k.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
})
after(() => t.close())

const stats = async (h: Auth, query = ''): Promise<RatingStatistics> => {
  const res = await t.app.inject({ url: `/api/staff/ratings/statistics${query}`, headers: h })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

test("a lead's statistics of their department: levels, channels, matters, windows, rectification", async () => {
  const s = await stats(rsjLead)
  assert.equal(s.scope.department?.id, rsjId)
  assert.equal(s.scope.granularity, 'month')
  assert.deepEqual([s.total, s.good, s.bad, s.satisfactionRate, s.excluded, s.systemDefault], [6, 3, 3, 0.5, 1, 1])
  assert.deepEqual(s.byLevel, [
    { level: 'verySatisfied', count: 1 },
    { level: 'satisfied', count: 1 },
    { level: 'basicallySatisfied', count: 1 },
    { level: 'dissatisfied', count: 2 },
    { level: 'veryDissatisfied', count: 1 },
  ])
  assert.deepEqual(s.byChannel, [
    { channel: 'mobile', count: 4 },
    { channel: 'pc', count: 1 },
    { channel: 'systemDefault', count: 1 },
  ])
  assert.deepEqual(
    s.byMatter.map((m) => [m.matterId, m.total, m.good, m.bad]),
    [
      [matterA, 4, 2, 2],
      [matterB, 2, 1, 1],
    ],
  )
  if (windowA !== windowB) {
    assert.deepEqual(
      s.byWindow.map((w) => [w.window, w.total]),
      [
        [windowA, 4],
        [windowB, 2],
      ],
    )
  } else assert.deepEqual(s.byWindow.map((w) => [w.window, w.total]), [[windowA, 6]])
  assert.deepEqual(s.rectification, {
    total: 3,
    rectified: 2,
    onTime: 1,
    late: 1,
    open: 1,
    openOverdue: 1,
    rectificationRate: 0.6667,
    timelyRate: 0.3333,
  })
})

test('the trend lists every period, the current one holding the ratings', async () => {
  const monthly = await stats(rsjLead)
  assert.equal(monthly.trend.length, 12)
  const current = monthly.trend.at(-1)!
  assert.equal(current.period, shanghaiDate(new Date()).slice(0, 7))
  assert.deepEqual([current.total, current.good, current.bad], [6, 3, 3])
  assert.ok(monthly.trend.slice(0, -1).every((p) => p.total === 0 && p.satisfactionRate === null))
  const from = shanghaiDate(new Date(Date.now() - 27 * 86_400_000))
  const weekly = await stats(rsjLead, `?granularity=week&from=${from}`)
  assert.ok(weekly.trend.length >= 4 && weekly.trend.length <= 5)
  assert.equal(weekly.trend.at(-1)!.total, 6)
  assert.match(weekly.trend.at(-1)!.label, /^\d+月\d+日周$/)
  const past = await stats(rsjLead, '?from=2025-01-01&to=2025-01-31')
  assert.deepEqual([past.total, past.satisfactionRate, past.rectification.rectificationRate], [0, null, null])
})

test('admin: all departments, or one', async () => {
  const all = await stats(admin)
  assert.equal(all.scope.department, null)
  assert.deepEqual([all.total, all.good, all.bad], [7, 4, 3])
  const one = await stats(admin, `?departmentId=${rsjId}`)
  assert.equal(one.total, 6)
})

test('published figures per department, appeals upheld left out', async () => {
  const pub: PublicRatingSummary = json(await t.app.inject({ url: '/api/ratings/public' }))
  const rsj = pub.departments.find((d) => d.departmentId === rsjId)!
  assert.deepEqual([rsj.total, rsj.good, rsj.bad, rsj.satisfactionRate, rsj.rectificationRate], [6, 3, 3, 0.5, 0.6667])
  assert.deepEqual([pub.overall.total, pub.overall.good, pub.overall.bad], [7, 4, 3])
  assert.equal(pub.departments.length, 2)
})
