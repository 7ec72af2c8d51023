/** Ratings: who may rate and see what — the applicant only, staff their own department, admins decide appeals. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { RatingPage, StaffBadRatingPage } from '../../types/ratings'
import { matterOf } from './casesHelpers'
import { bad, completedCase, good, newCitizen, rate, rateOk, rectification, sql, staffPost, staffPostOk, type Citizen } from './ratingsHelpers'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'

type Auth = { authorization: string }
let t: TestApp
let window: Auth
let lead: Auth
let otherWindow: Auth
let otherLead: Auth
let admin: Auth
let matterId: string
before(async () => {
  t = await startTestApp()
  ;[window, lead, otherWindow, otherLead, admin] = await Promise.all(
    ['scjg.window', 'scjg.lead', 'jt.window', 'jt.lead', 'admin'].map((u) => signInStaff(t, u)),
  )
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

async function badRating(c?: Citizen) {
  const citizen = c ?? (await newCitizen(t))
  const k = await completedCase(t, window, matterId, citizen)
  const r = await rateOk(t, citizen, bad(k.id))
  return { citizen, k, r }
}

describe('citizens', () => {
  test('only the applicant rates their case; others get the same 404 as an unknown case', async () => {
    const owner = await newCitizen(t)
    const stranger = await newCitizen(t)
    const k = await completedCase(t, window, matterId, owner)
    const res = await rate(t, stranger, good(k.id))
    assert.equal(res.statusCode, 404)
    const unknown = await rate(t, stranger, good('00000000-0000-4000-8000-000000000000'))
    assert.equal(unknown.statusCode, 404)
    assert.equal(res.json().message, unknown.json().message)
    const offered = json(await t.app.inject({ url: '/api/ratings/rateable', headers: stranger }))
    assert.ok(!offered.items.some((i: { target: { caseId: string } }) => i.target.caseId === k.id))
  })

  test("citizens never see another citizen's ratings", async () => {
    const { citizen, r } = await badRating()
    const stranger = await newCitizen(t)
    const other = await t.app.inject({ url: `/api/ratings/${r.id}`, headers: stranger })
    assert.equal(other.statusCode, 404)
    const list: RatingPage = json(await t.app.inject({ url: '/api/ratings', headers: stranger }))
    assert.equal(list.total, 0)
    assert.equal((await t.app.inject({ url: `/api/ratings/${r.id}`, headers: citizen })).statusCode, 200)
  })

  test('sign-in and roles are enforced', async () => {
    const c = await newCitizen(t)
    assert.equal((await t.app.inject({ url: '/api/ratings' })).statusCode, 401)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/ratings', payload: good('00000000-0000-4000-8000-000000000000') })).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/ratings', headers: window })).statusCode, 403, 'staff are not citizens')
    assert.equal((await t.app.inject({ url: '/api/staff/ratings', headers: c })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/ratings' })).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/ratings/not-a-uuid', headers: c })).statusCode, 400)
  })
})

describe('staff', () => {
  test("staff see and act on their own department's 差评 only; another department gets 404", async () => {
    const { r } = await badRating()
    const mine: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings', headers: window }))
    assert.ok(mine.items.some((i) => i.id === r.id))
    assert.ok(mine.items.every((i) => i.department.name === mine.items[0].department.name))
    const theirs: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings', headers: otherWindow }))
    assert.ok(!theirs.items.some((i) => i.id === r.id))
    assert.equal((await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: otherLead })).statusCode, 404)
    for (const [path, body] of [
      ['verify', { note: '核实情况' }],
      ['rectify', rectification],
      ['appeal', { evidence: '该评价人多次恶意差评，附通话录音' }],
    ] as const) {
      assert.equal((await staffPost(t, otherWindow, `/${r.id}/${path}`, body)).statusCode, 404, path)
    }
    const { rows } = await sql(t, `SELECT bad_status FROM ratings WHERE id = $1`, [r.id])
    assert.equal(rows[0].bad_status, 'pending', 'untouched')
    const all: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings?pageSize=50', headers: admin }))
    assert.ok(all.items.some((i) => i.id === r.id), 'admin sees every department')
  })

  test('the staff list masks the rater and carries no phone or ID number', async () => {
    const { citizen, r } = await badRating()
    const res = await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: window })
    assert.equal(res.json().applicantNameMasked, '张**')
    assert.ok(!res.body.includes(citizen.phone) && !res.body.includes('11010519491231002X') && !res.body.includes('张三丰'))
  })

  test('appeal: evidence required, one per rating, blocks rectification until an admin decides; upheld excludes the rating', async () => {
    const { r, citizen } = await badRating()
    const short = await staffPost(t, window, `/${r.id}/appeal`, { evidence: '恶意' })
    assert.equal(short.statusCode, 400)
    const d = await staffPostOk(t, window, `/${r.id}/appeal`, { evidence: '评价人与本事项无关，系竞争对手恶意差评，附监控截图说明' })
    assert.equal(d.appeal?.status, 'pending')
    assert.deepEqual(d.allowedActions, [])
    assert.equal((await staffPost(t, window, `/${r.id}/appeal`, { evidence: '再次申诉，理由同上，请管理员裁定' })).statusCode, 409)
    const rectify = await staffPost(t, window, `/${r.id}/rectify`, rectification)
    assert.equal(rectify.statusCode, 409)
    assert.match(rectify.json().message, /申诉中/)
    assert.equal((await staffPost(t, lead, `/${r.id}/appeal/decision`, { decision: 'upheld', comment: '同意' })).statusCode, 403, 'leads cannot decide')
    const bad = await staffPost(t, admin, `/${r.id}/appeal/decision`, { decision: 'maybe', comment: '同意' })
    assert.equal(bad.statusCode, 400)
    const adminView = json(await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: admin }))
    assert.deepEqual(adminView.allowedActions, ['decideAppeal'])
    const decided = await staffPostOk(t, admin, `/${r.id}/appeal/decision`, { decision: 'upheld', comment: '证据充分，申诉成立' })
    assert.equal(decided.status, 'excluded')
    assert.equal(decided.appeal?.status, 'upheld')
    assert.equal(decided.deadline, null)
    assert.deepEqual(decided.history.map((h) => h.event), ['rated', 'assigned', 'appealed', 'appealUpheld'])
    assert.equal((await staffPost(t, admin, `/${r.id}/appeal/decision`, { decision: 'rejected', comment: '改判' })).statusCode, 409)
    // An excluded 差评 opens no second round.
    const again = await rate(t, citizen, good(r.target.caseId!))
    assert.equal(again.statusCode, 409)
    const audit = await sql(t, `SELECT action, detail FROM audit_log WHERE target_kind = 'rating' AND target_id = $1 AND action NOT LIKE 'read%' ORDER BY id`, [r.id])
    assert.deepEqual(audit.rows, [
      { action: 'rating.appeal', detail: {} },
      { action: 'rating.appealDecision', detail: { decision: 'upheld' } },
    ])
  })

  test('a rejected appeal lets the loop continue', async () => {
    const { r } = await badRating()
    await staffPostOk(t, lead, `/${r.id}/appeal`, { evidence: '评价内容与事实不符，详见窗口录像记录' })
    const rejected = await staffPostOk(t, admin, `/${r.id}/appeal/decision`, { decision: 'rejected', comment: '证据不足，请整改' })
    assert.deepEqual([rejected.status, rejected.appeal?.status], ['pending', 'rejected'])
    const view = json(await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: window }))
    assert.deepEqual(view.allowedActions, ['verify', 'rectify'])
    const done = await staffPostOk(t, window, `/${r.id}/rectify`, rectification)
    assert.equal(done.status, 'rectified')
    const appealedList: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings?appealStatus=rejected', headers: window }))
    assert.ok(appealedList.items.some((i) => i.id === r.id))
  })

  test('statistics: leads their own department, admins any; window staff and citizens refused', async () => {
    const c = await newCitizen(t)
    assert.equal((await t.app.inject({ url: '/api/staff/ratings/statistics', headers: window })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/ratings/statistics', headers: c })).statusCode, 403)
    const own = await t.app.inject({ url: '/api/staff/ratings/statistics', headers: lead })
    assert.equal(own.statusCode, 200, own.body)
    const deptId = own.json().scope.department.id
    const { rows } = await sql(t, `SELECT id FROM departments WHERE id <> $1 LIMIT 1`, [deptId])
    const other = await t.app.inject({ url: `/api/staff/ratings/statistics?departmentId=${rows[0].id}`, headers: lead })
    assert.equal(other.statusCode, 403)
    const adminOther = await t.app.inject({ url: `/api/staff/ratings/statistics?departmentId=${rows[0].id}`, headers: admin })
    assert.equal(adminOther.statusCode, 200)
    const reversed = await t.app.inject({ url: '/api/staff/ratings/statistics?from=2026-05-01&to=2026-04-01', headers: lead })
    assert.equal(reversed.statusCode, 400)
    const badDate = await t.app.inject({ url: '/api/staff/ratings/statistics?from=2026-5-1', headers: lead })
    assert.equal(badDate.statusCode, 400)
    for (const q of ['?from=2026-02-30', '?to=2026-13-01', '?from=0000-00-00']) {
      const invalid = await t.app.inject({ url: `/api/staff/ratings/statistics${q}`, headers: lead })
      assert.equal(invalid.statusCode, 400, q)
    }
    const unknownDept = await t.app.inject({ url: '/api/staff/ratings/statistics?departmentId=00000000-0000-4000-8000-000000000000', headers: admin })
    assert.equal(unknownDept.statusCode, 404)
  })

  test('the public aggregate needs no sign-in and holds no personal data or text', async () => {
    const { citizen } = await badRating()
    const res = await t.app.inject({ url: '/api/ratings/public' })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.body
    for (const secret of [citizen.phone, '张', '等了很久', 'slow']) assert.ok(!body.includes(secret), secret)
    assert.ok(res.json().departments.length >= 1)
    assert.equal((await t.app.inject({ url: '/api/ratings/public?months=99' })).statusCode, 400)
  })
})
