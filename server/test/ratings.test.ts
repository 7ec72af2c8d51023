/** Ratings (好差评), happy paths and rules: rate once, 差评 needs a reason, the rectification loop, re-rating, anonymous, visits. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { NotificationPage } from '../../types/notifications'
import type { AnonymousRatingTarget, RateableList, RatingDetail, RatingPage, StaffBadRatingDetail, StaffBadRatingPage } from '../../types/ratings'
import { matterOf } from './casesHelpers'
import { book, matterId as matterByKey, moveBooking, openSlots } from './appointmentsHelpers'
import { bad, completedCase, good, newCitizen, rate, rateOk, rectification, sql, staffPost, staffPostOk } from './ratingsHelpers'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'

let t: TestApp
let window: { authorization: string }
let matterId: string
before(async () => {
  t = await startTestApp()
  window = await signInStaff(t, 'scjg.window')
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

describe('rating a completed case (一事一评)', () => {
  test('the applicant rates once; a second rating is refused', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    const rateable: RateableList = json(await t.app.inject({ url: '/api/ratings/rateable', headers: c }))
    const item = rateable.items.find((i) => i.target.caseId === k.id)
    assert.ok(item, 'the finished case is offered for rating')
    assert.equal(item.target.dimension, 'inPerson', 'a walk-in case is rated as in-person service')
    assert.equal(item.reRate, false)
    assert.ok(item.defaultsOn, 'the system default date is shown')

    const r = await rateOk(t, c, { ...good(k.id), scores: { overall: 5, efficiency: 4, attitude: 5 }, tags: ['fast'], text: '  很快  ' })
    assert.equal(r.level, 'satisfied')
    assert.equal(r.round, 1)
    assert.equal(r.bad, false)
    assert.equal(r.badStatus, null)
    assert.equal(r.text, '很快')
    assert.deepEqual(r.scores, { overall: 5, efficiency: 4, attitude: 5 })
    assert.equal(r.target.caseNumber, k.number)
    assert.equal(r.canRateAgain, false)

    const again = await rate(t, c, good(k.id))
    assert.equal(again.statusCode, 409)
    assert.match(again.json().message, /一事一评/)
    const list: RatingPage = json(await t.app.inject({ url: '/api/ratings', headers: c }))
    assert.deepEqual(list.items.map((i) => i.id), [r.id])
    const after: RateableList = json(await t.app.inject({ url: '/api/ratings/rateable', headers: c }))
    assert.ok(!after.items.some((i) => i.target.caseId === k.id), 'no longer offered')
  })

  test('two ratings of one case at once: exactly one is recorded', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    const results = await Promise.all([rate(t, c, good(k.id)), rate(t, c, good(k.id)), rate(t, c, bad(k.id))])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409])
    const { rows } = await sql(t, `SELECT count(*)::int AS n FROM ratings WHERE case_id = $1`, [k.id])
    assert.equal(rows[0].n, 1)
  })

  test('a case not yet finished cannot be rated', async () => {
    const c = await newCitizen(t)
    const { registerCase } = await import('./casesHelpers')
    const receipt = await registerCase(t, window, matterId, { applicantPhone: c.phone })
    const res = await rate(t, c, good(receipt.case.id))
    assert.equal(res.statusCode, 409)
    assert.match(res.json().message, /办结后/)
  })

  test('a 差评 needs a reason tag or text; scores must be of the dimension; input is validated', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c, 'disapprove')
    const noReason = await rate(t, c, { caseId: k.id, channel: 'mobile', level: 'dissatisfied', scores: { overall: 2 } })
    assert.equal(noReason.statusCode, 400)
    assert.match(noReason.json().message, /差评请选择不满意的原因/)
    const goodTagOnly = await rate(t, c, { caseId: k.id, channel: 'mobile', level: 'dissatisfied', scores: { overall: 2 }, tags: ['fast'], text: '慢' })
    assert.equal(goodTagOnly.statusCode, 400)
    const wrongDimension = await rate(t, c, { ...good(k.id), scores: { overall: 4, usability: 3 } })
    assert.deepEqual([wrongDimension.statusCode, wrongDimension.json().field], [400, 'scores.usability'])
    const badLevel = await rate(t, c, { ...good(k.id), level: 'great' })
    assert.equal(badLevel.statusCode, 400)
    const badStar = await rate(t, c, { ...good(k.id), scores: { overall: 6 } })
    assert.equal(badStar.statusCode, 400)
    const unknownTag = await rate(t, c, { ...good(k.id), tags: ['nope'] })
    assert.equal(unknownTag.statusCode, 400)
    const both = await rate(t, c, { ...good(k.id), appointmentId: k.id })
    assert.equal(both.statusCode, 400)
    const neither = await rate(t, c, { channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
    assert.equal(neither.statusCode, 400)
    const systemChannel = await rate(t, c, { ...good(k.id), channel: 'systemDefault' })
    assert.equal(systemChannel.statusCode, 400, 'citizens cannot claim the system-default channel')
    for (const r of [noReason, goodTagOnly, wrongDimension, badLevel, badStar, unknownTag, both, neither, systemChannel]) {
      assert.match(r.json().message, /[\u4e00-\u9fa5]/, 'a Chinese message')
    }
    const { rows } = await sql(t, `SELECT count(*)::int AS n FROM ratings WHERE case_id = $1`, [k.id])
    assert.equal(rows[0].n, 0, 'nothing recorded')
    const written = await rateOk(t, c, { caseId: k.id, channel: 'pc', level: 'dissatisfied', scores: { overall: 2 }, text: '窗口让我跑了三次' })
    assert.equal(written.badStatus, 'pending')
  })
})

describe('the 差评 loop', () => {
  test('assigned with a deadline → verified → rectified with a reply → the citizen is told and rates once more, never a third time', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    const r = await rateOk(t, c, bad(k.id))
    assert.equal(r.bad, true)
    assert.equal(r.badStatus, 'pending')

    const early = await rate(t, c, good(k.id))
    assert.equal(early.statusCode, 409, 'no second rating before rectification')
    assert.match(early.json().message, /整改/)

    const queue: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings?open=true', headers: window }))
    const row = queue.items.find((i) => i.id === r.id)
    assert.ok(row, "in the department's queue")
    assert.equal(row.status, 'pending')
    assert.equal(row.deadline?.light, 'green')
    assert.ok(row.deadline && new Date(row.deadline.dueAt) > new Date(Date.now() + 4 * 86_400_000), '5 working days ahead')
    assert.equal(row.applicantNameMasked, '张**')
    assert.deepEqual(row.tags, ['slow'])

    const lead = await signInStaff(t, 'scjg.lead')
    let d: StaffBadRatingDetail = json(await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: window }))
    assert.deepEqual(d.allowedActions, ['verify', 'rectify', 'appeal'])
    d = await staffPostOk(t, window, `/${r.id}/verify`, { note: '经调阅录像，窗口确有等候过久情况' })
    assert.equal(d.status, 'verified')
    assert.deepEqual(d.allowedActions, ['rectify', 'appeal'])
    const twice = await staffPost(t, window, `/${r.id}/verify`, { note: '再次核实' })
    assert.equal(twice.statusCode, 409)

    const noReply = await staffPost(t, lead, `/${r.id}/rectify`, { measures: '培训' })
    assert.equal(noReply.statusCode, 400, 'the reply is required')
    const blankReply = await staffPost(t, lead, `/${r.id}/rectify`, { measures: '培训', reply: '           ' })
    assert.equal(blankReply.statusCode, 400)
    d = await staffPostOk(t, lead, `/${r.id}/rectify`, rectification)
    assert.equal(d.status, 'rectified')
    assert.equal(d.rectification?.onTime, true)
    assert.equal(d.deadline?.label, '按期整改')
    assert.deepEqual(d.allowedActions, [])
    assert.deepEqual(
      d.history.map((h) => h.event),
      ['rated', 'assigned', 'verified', 'rectified'],
    )
    assert.match(d.history[2].actor, /^窗口人员 /)

    const inbox: NotificationPage = json(await t.app.inject({ url: '/api/notifications', headers: c }))
    const message = inbox.items.find((n) => n.kind === 'ratingReply')
    assert.ok(message, 'the citizen is notified')
    assert.deepEqual(message.subject, { kind: 'rating', id: r.id })
    assert.match(message.body, /已整改/)

    const mine: RatingDetail = json(await t.app.inject({ url: `/api/ratings/${r.id}`, headers: c }))
    assert.equal(mine.reply?.text, rectification.reply)
    assert.equal(mine.canRateAgain, true)
    const offered: RateableList = json(await t.app.inject({ url: '/api/ratings/rateable', headers: c }))
    assert.equal(offered.items.find((i) => i.target.caseId === k.id)?.reRate, true)

    const second = await rateOk(t, c, { ...good(k.id), level: 'verySatisfied', scores: { overall: 5 } })
    assert.equal(second.round, 2)
    assert.equal(second.previousRatingId, r.id)
    const third = await rate(t, c, good(k.id))
    assert.equal(third.statusCode, 409)
    const first: RatingDetail = json(await t.app.inject({ url: `/api/ratings/${r.id}`, headers: c }))
    assert.equal(first.canRateAgain, false)
    const staffView = json(await t.app.inject({ url: `/api/staff/ratings/${r.id}`, headers: lead }))
    assert.equal(staffView.reRating.level, 'verySatisfied')

    const audit = await sql(t, `SELECT action FROM audit_log WHERE target_kind = 'rating' AND target_id = $1 AND action NOT LIKE 'read%' ORDER BY id`, [r.id])
    assert.deepEqual(audit.rows.map((a) => a.action), ['rating.verify', 'rating.rectify'])
  })

  test('a late rectification is recorded as late; the queue puts the most urgent first; the light filter works', async () => {
    const c = await newCitizen(t)
    const k1 = await completedCase(t, window, matterId, c)
    const k2 = await completedCase(t, window, matterId, c)
    const r1 = await rateOk(t, c, bad(k1.id))
    const r2 = await rateOk(t, c, bad(k2.id))
    await sql(t, `UPDATE ratings SET rectify_due_at = now() - interval '1 day' WHERE id = $1`, [r2.id])
    const queue: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings?open=true&pageSize=50', headers: window }))
    const ids = queue.items.map((i) => i.id)
    assert.ok(ids.indexOf(r2.id) < ids.indexOf(r1.id), 'the overdue one first')
    const red: StaffBadRatingPage = json(await t.app.inject({ url: '/api/staff/ratings?light=red', headers: window }))
    assert.ok(red.items.some((i) => i.id === r2.id) && !red.items.some((i) => i.id === r1.id))
    const d = await staffPostOk(t, window, `/${r2.id}/rectify`, rectification)
    assert.equal(d.rectification?.onTime, false)
    assert.equal(d.deadline?.label, '超期整改')
    assert.equal(d.deadline?.light, 'red')
  })
})

describe('anonymous rating by receipt (number + query password)', () => {
  test('check and rate by the receipt (QR code channel); wrong passwords answer like unknown numbers', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    const check = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous/check', payload: { number: k.number, password: k.password } })
    assert.equal(check.statusCode, 200, check.body)
    const target: AnonymousRatingTarget = check.json()
    assert.deepEqual([target.caseNumber, target.canRate, target.reRate, target.reason], [k.number, true, false, null])
    assert.ok(!check.body.includes(c.phone) && !check.body.includes('张三丰'), 'no personal data')

    const wrong = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous', payload: { number: k.number, password: '000000', channel: 'qrCode', level: 'satisfied', scores: { overall: 4 } } })
    const unknown = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous', payload: { number: 'YM20990101000001', password: '000000', channel: 'qrCode', level: 'satisfied', scores: { overall: 4 } } })
    assert.deepEqual([wrong.statusCode, unknown.statusCode], [404, 404])
    assert.equal(wrong.json().message, unknown.json().message)

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ratings/anonymous',
      payload: { number: k.number.toLowerCase(), password: k.password, channel: 'qrCode', level: 'veryDissatisfied', scores: { overall: 1 }, tags: ['repeatedTrips'] },
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.deepEqual([res.json().caseNumber, res.json().level, res.json().round], [k.number, 'veryDissatisfied', 1])
    const stored = await sql(t, `SELECT channel, citizen_id, bad_status FROM ratings WHERE case_id = $1`, [k.id])
    assert.deepEqual(stored.rows, [{ channel: 'qrCode', citizen_id: null, bad_status: 'pending' }])

    const signedIn = await rate(t, c, good(k.id))
    assert.equal(signedIn.statusCode, 409, 'one rating per case, whoever gave it')
    const after: AnonymousRatingTarget = json(await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous/check', payload: { number: k.number, password: k.password } }))
    assert.equal(after.canRate, false)
    assert.match(after.reason ?? '', /整改/)

    // Rectified: the applicant's account is told, the receipt shows the reply and allows one more rating.
    const [{ id }] = stored.rows.length ? (await sql(t, `SELECT id FROM ratings WHERE case_id = $1`, [k.id])).rows : []
    await staffPostOk(t, window, `/${id}/rectify`, rectification)
    const inbox: NotificationPage = json(await t.app.inject({ url: '/api/notifications', headers: c }))
    assert.ok(inbox.items.some((n) => n.kind === 'ratingReply'))
    const reopened: AnonymousRatingTarget = json(await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous/check', payload: { number: k.number, password: k.password } }))
    assert.deepEqual([reopened.canRate, reopened.reRate, reopened.reply?.text], [true, true, rectification.reply])
    const again = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous', payload: { number: k.number, password: k.password, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } } })
    assert.equal(again.statusCode, 201)
    assert.equal(again.json().round, 2)
  })

  test('the lookup guards apply: a locked number answers 429 even with the right password', async () => {
    const c = await newCitizen(t)
    const k = await completedCase(t, window, matterId, c)
    for (let i = 0; i < t.config.LOOKUP_MAX_FAILURES; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous/check', payload: { number: k.number, password: 'wrong1' }, remoteAddress: `10.0.0.${i + 1}` })
      assert.equal(r.statusCode, 404)
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/ratings/anonymous/check', payload: { number: k.number, password: k.password }, remoteAddress: '10.0.1.1' })
    assert.equal(locked.statusCode, 429)
  })
})

describe('rating a hall visit (一次一评)', () => {
  test('a checked-in visit is rated in person, once', async () => {
    const c = await newCitizen(t)
    const idCard = await matterByKey(t, 'id-card-renewal')
    const [slot] = await openSlots(t, idCard)
    const a = await book(t, c, slot.id)
    const early = await rate(t, c, { appointmentId: a.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
    assert.equal(early.statusCode, 409, 'not before the visit')
    await moveBooking(t, a.id, 10)
    const gaWindow = await signInStaff(t, 'ga.window')
    const checkIn = await t.app.inject({ method: 'POST', url: '/api/staff/appointments/check-in', headers: gaWindow, payload: { code: a.checkInPayload } })
    assert.equal(checkIn.statusCode, 200, checkIn.body)

    const offered: RateableList = json(await t.app.inject({ url: '/api/ratings/rateable', headers: c }))
    const item = offered.items.find((i) => i.target.appointmentId === a.id)
    assert.ok(item)
    assert.deepEqual([item.target.kind, item.target.dimension, item.defaultsOn], ['visit', 'inPerson', null])
    const onlineScores = await rate(t, c, { appointmentId: a.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4, guideAccuracy: 4 } })
    assert.equal(onlineScores.statusCode, 400)
    const r = await rateOk(t, c, { appointmentId: a.id, channel: 'mobile', level: 'verySatisfied', scores: { overall: 5, competence: 5, attitude: 5 }, tags: ['goodAttitude'] })
    assert.deepEqual([r.target.kind, r.target.appointmentId, r.round], ['visit', a.id, 1])
    const again = await rate(t, c, { appointmentId: a.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
    assert.equal(again.statusCode, 409)
  })
})
