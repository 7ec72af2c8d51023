import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CaseDetail, CasePage, Supervision, WalkInReceipt } from '../../types/cases'
import type { NotificationPage } from '../../types/notifications'
import { act, actOk, matterOf, registerCase, VALID_ID } from './casesHelpers'
import { json, signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'

let t: TestApp
let window: { authorization: string }
let matterId: string
before(async () => {
  t = await startTestApp()
  window = await signInStaff(t, 'scjg.window')
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)
const staffGet = (h: { authorization: string }, id: string) => t.app.inject({ url: `/api/staff/cases/${id}`, headers: h })

describe('walk-in registration (窗口收件)', () => {
  test('returns the number, a one-time query password and a masked detail', async () => {
    const receipt = await registerCase(t, window, matterId, { applicantPhone: '13912345678' })
    const c = receipt.case
    assert.match(c.number, /^YM\d{8}\d{6}$/)
    assert.match(receipt.queryPassword, /^\d{6}$/)
    assert.equal(c.status, 'received')
    assert.equal(c.applicantNameMasked, '张**')
    assert.equal(c.applicantPhoneMasked, '139****5678')
    assert.equal(c.applicantIdNumberMasked, '1101**********002X')
    assert.equal(c.deadline, null)
    assert.deepEqual(c.allowedActions, ['accept', 'notAccept', 'reject', 'requestCorrection'])
    assert.equal(c.steps.length, 1)
    assert.match(c.steps[0].actor, /^窗口人员 .\*+$/)
    const body = JSON.stringify(receipt)
    assert.ok(!body.includes('13912345678') && !body.includes(VALID_ID) && !body.includes('张三丰'), 'no PII in the receipt')
    const stored = await sql(`SELECT query_password_hash FROM cases WHERE id = $1`, [c.id])
    assert.ok(!stored.rows[0].query_password_hash.includes(receipt.queryPassword))
    const audit = await sql(`SELECT action, detail FROM audit_log WHERE target_id = $1 AND action NOT LIKE 'read%'`, [c.id])
    assert.deepEqual(audit.rows, [{ action: 'case.register', detail: { matterId } }])
  })

  test('numbers are unique under concurrent registration', async () => {
    const receipts: WalkInReceipt[] = await Promise.all(Array.from({ length: 8 }, () => registerCase(t, window, matterId)))
    assert.equal(new Set(receipts.map((r) => r.case.number)).size, 8)
  })

  test('bad ID numbers, missing mail address and other departments are refused', async () => {
    const post = (payload: object, h = window) => t.app.inject({ method: 'POST', url: '/api/staff/cases', headers: h, payload })
    const base = { matterId, applicantName: '张三丰', applicantIdNumber: VALID_ID, applicantPhone: '13900000000', delivery: { mode: 'hall' } }
    const badId = await post({ ...base, applicantIdNumber: '110105194912310021' })
    assert.deepEqual([badId.statusCode, badId.json().field], [400, 'applicantIdNumber'])
    const noAddress = await post({ ...base, delivery: { mode: 'mail' } })
    assert.deepEqual([noAddress.statusCode, noAddress.json().field], [400, 'delivery.address'])
    const other = await signInStaff(t, 'jt.window')
    assert.equal((await post(base, other)).statusCode, 403)
    const admin = await signInStaff(t, 'admin')
    assert.equal((await post(base, admin)).statusCode, 200)
  })
})

describe('transitions through the API', () => {
  test('a full pass: accept → handling → special → end → approve, with a deadline from acceptance', async () => {
    const { case: c } = await registerCase(t, window, matterId)
    const accepted = await actOk(t, window, c.id, 'accept')
    assert.equal(accepted.status, 'accepted')
    assert.ok(accepted.acceptedAt)
    assert.equal(accepted.deadline?.light, 'green')
    assert.ok(accepted.deadline!.remainingMinutes > 4 * 420, '5 working days, most of them left')
    assert.match(accepted.deadline!.label, /^剩余\d/)
    await actOk(t, window, c.id, 'startHandling')
    const special = await actOk(t, window, c.id, 'startSpecial', '组织专家评审')
    assert.equal(special.deadline?.paused, true)
    assert.match(special.deadline!.label, /^已暂停，/)
    assert.deepEqual(special.allowedActions, ['endSpecial'])
    await actOk(t, window, c.id, 'endSpecial')
    const done = await actOk(t, window, c.id, 'approve')
    assert.equal(done.status, 'approved')
    assert.equal(done.deadline?.label, '按期办结', 'a completed case shows its verdict, not a running clock')
    assert.deepEqual(done.allowedActions, [])
    assert.deepEqual(
      done.steps.map((s) => [s.status, s.outcome]),
      [['received', 'pass'], ['accepted', 'pass'], ['handling', 'other'], ['specialStarted', 'other'], ['specialEnded', 'other'], ['approved', 'pass']],
    )
    assert.equal(done.steps[3].comment, '组织专家评审')
    const pauses = await sql(`SELECT kind, "to" IS NOT NULL AS closed FROM case_pauses WHERE case_id = $1`, [c.id])
    assert.deepEqual(pauses.rows, [{ kind: 'special', closed: true }])
  })

  test('illegal moves answer 409 saying why; missing reasons answer 400 on comment', async () => {
    const { case: c } = await registerCase(t, window, matterId)
    const early = await act(t, window, c.id, 'approve')
    assert.equal(early.statusCode, 409)
    assert.equal(early.json().message, '当前状态为“已接件”，不能办结（通过）')
    const noReason = await act(t, window, c.id, 'requestCorrection')
    assert.deepEqual([noReason.statusCode, noReason.json().field], [400, 'comment'])
    await actOk(t, window, c.id, 'requestCorrection', '请补充营业执照复印件')
    await actOk(t, window, c.id, 'endCorrection')
    const second = await act(t, window, c.id, 'requestCorrection', '再补一份')
    assert.equal(second.statusCode, 409)
    assert.match(second.json().message, /一次性告知/)
    await actOk(t, window, c.id, 'reject', '不属于本部门职权范围')
    const after = await act(t, window, c.id, 'accept')
    assert.deepEqual([after.statusCode, after.json().message], [409, '该办件未予受理，已结束，不能再受理'])
    const staffWithdraw = await act(t, window, c.id, 'withdraw')
    assert.equal(staffWithdraw.statusCode, 409)
  })

  test('the deadline counts working days from acceptance and shifts by a special-procedure pause', async () => {
    const plain = (await registerCase(t, window, matterId)).case
    const paused = (await registerCase(t, window, matterId)).case
    for (const c of [plain, paused]) {
      await actOk(t, window, c.id, 'accept')
      // Accepted Friday 2025-09-26, before National Day (Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked).
      await sql(`UPDATE cases SET accepted_at = '2025-09-26T10:00:00+08:00' WHERE id = $1`, [c.id])
    }
    await sql(
      `INSERT INTO case_pauses (case_id, kind, "from", "to") VALUES ($1, 'special', '2025-09-29T08:30:00+08:00', '2025-09-30T18:00:00+08:00')`,
      [paused.id],
    )
    const a = await actOk(t, window, plain.id, 'startHandling')
    const b = await actOk(t, window, paused.id, 'startHandling')
    // 5 working days: Sep 28, 29, 30, Oct 9, 10 → due Friday Oct 10 at close of office (18:00).
    assert.equal(a.deadline?.dueAt, '2025-10-10T10:00:00.000Z')
    // Sep 29–30 paused: Sep 28, Oct 9, 10, 11 (调休 Saturday), 13 → Monday Oct 13 18:00.
    assert.equal(b.deadline?.dueAt, '2025-10-13T10:00:00.000Z')
    assert.equal(a.deadline?.light, 'red')
    assert.ok(a.deadline!.remainingMinutes < 0)
    assert.match(a.deadline!.label, /^已超期/)
  })

  test('lights: green, yellow within half a working day, red past the limit', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const { case: c } = await registerCase(t, window, matterId)
      await actOk(t, window, c.id, 'accept')
      ids.push(c.id)
    }
    await sql(`UPDATE cases SET due_at = now() + interval '60 days' WHERE id = $1`, [ids[0]])
    await sql(`UPDATE cases SET due_at = now() + interval '10 minutes' WHERE id = $1`, [ids[1]])
    await sql(`UPDATE cases SET due_at = now() - interval '3 days' WHERE id = $1`, [ids[2]])
    const lights = await Promise.all(ids.map(async (id) => json<CaseDetail>(await staffGet(window, id)).deadline?.light))
    assert.deepEqual(lights, ['green', 'yellow', 'red'])

    const lead = await signInStaff(t, 'scjg.lead')
    const queue = json<CasePage>(await t.app.inject({ url: '/api/staff/cases?pageSize=50', headers: lead }))
    const order = queue.items.map((c) => c.id).filter((id) => ids.includes(id))
    assert.deepEqual(order, [ids[2], ids[1], ids[0]], 'most urgent first')
    const firstUnaccepted = queue.items.findIndex((c) => c.deadline === null)
    assert.ok(queue.items.slice(firstUnaccepted).every((c) => c.deadline === null), 'unaccepted cases after the deadlines')
    assert.ok(!queue.items.some((c) => c.status === 'approved'), 'active only by default')
    const yellow = json<CasePage>(await t.app.inject({ url: '/api/staff/cases?light=yellow', headers: lead }))
    assert.ok(yellow.items.some((c) => c.id === ids[1]) && yellow.items.every((c) => c.deadline?.light === 'yellow'))

    const sup = json<Supervision>(await t.app.inject({ url: '/api/staff/supervision', headers: lead }))
    assert.ok(sup.counts.red >= 1 && sup.counts.yellow >= 1 && sup.counts.green >= 1)
    assert.ok(sup.overdue.some((c) => c.id === ids[2]))
    assert.ok(sup.overdue.every((c) => c.deadline?.light === 'red'))
    assert.equal((await t.app.inject({ url: '/api/staff/supervision', headers: window })).statusCode, 403)
  })

  test('mailing the result: only for mail cases approved', async () => {
    const { case: c } = await registerCase(t, window, matterId, { delivery: { mode: 'mail', address: '甘肃省白银市白银区人民路100号' } })
    assert.equal(c.delivery.addressMasked, '甘肃省白银市****')
    const mail = (id: string) =>
      t.app.inject({ method: 'PUT', url: `/api/staff/cases/${id}/delivery`, headers: window, payload: { courier: '中国邮政EMS', trackingNumber: 'EA123456789CN' } })
    assert.equal((await mail(c.id)).statusCode, 409)
    await actOk(t, window, c.id, 'accept')
    await actOk(t, window, c.id, 'approveWithTolerance')
    const res = await mail(c.id)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json().delivery, { mode: 'mail', addressMasked: '甘肃省白银市****', courier: '中国邮政EMS', trackingNumber: 'EA123456789CN' })
    const hall = (await registerCase(t, window, matterId)).case
    await actOk(t, window, hall.id, 'accept')
    await actOk(t, window, hall.id, 'approve')
    assert.equal((await mail(hall.id)).statusCode, 409)
  })
})

describe('the applicant', () => {
  test('a walk-in with a citizen account phone shows in 我的办件 and notifies at every step', async () => {
    const phone = '13700000011'
    const citizen = await signInByPhone(t, phone)
    const { case: c } = await registerCase(t, window, matterId, { applicantPhone: phone })
    const mine = json<CasePage>(await t.app.inject({ url: '/api/cases', headers: citizen }))
    assert.deepEqual(mine.items.map((x) => x.id), [c.id])
    assert.equal(mine.items[0].applicantNameMasked, '张**')
    await actOk(t, window, c.id, 'accept')
    const notes = json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: citizen }))
    assert.equal(notes.total, 2)
    assert.equal(notes.unread, 2)
    assert.equal(notes.items[0].title, '办件进度：已受理')
    assert.equal(notes.items[0].caseId, c.id)
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${notes.items[0].id}/read`, headers: citizen })
    assert.equal(read.statusCode, 204)
    assert.equal(json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: citizen })).unread, 1)
    const other = await signInByPhone(t, '13700000012')
    const foreign = await t.app.inject({ method: 'POST', url: `/api/notifications/${notes.items[1].id}/read`, headers: other })
    assert.equal(foreign.statusCode, 404)
    // 全部已读 by another citizen changes nothing of this one's; by the owner, every message.
    assert.deepEqual(json(await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: other })), { marked: 0 })
    assert.equal(json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: citizen })).unread, 1)
    assert.deepEqual(json(await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: citizen })), { marked: 1 })
    const after = json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: citizen }))
    assert.equal(after.unread, 0)
    assert.ok(after.items.every((n) => n.read))
  })

  test('a case registered before the account exists is linked when the citizen signs in', async () => {
    const phone = '13700000013'
    const { case: c } = await registerCase(t, window, matterId, { applicantPhone: phone })
    const citizen = await signInByPhone(t, phone)
    const detail = await t.app.inject({ url: `/api/cases/${c.id}`, headers: citizen })
    assert.equal(detail.statusCode, 200)
    assert.deepEqual(detail.json().allowedActions, ['withdraw'])
    assert.equal(detail.json().applicantPhoneMasked, '137****0013')
  })

  test('withdraw: 已撤件 before acceptance, 撤回 after, refused during a special procedure and after completion', async () => {
    const phone = '13700000014'
    const citizen = await signInByPhone(t, phone)
    const withdraw = (id: string) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${id}/withdraw`, headers: citizen, payload: { reason: '材料准备不全，改日再来' } })

    const early = (await registerCase(t, window, matterId, { applicantPhone: phone })).case
    const res = await withdraw(early.id)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().status, 'cancelled')
    assert.deepEqual(res.json().allowedActions, [])
    assert.equal(res.json().steps.at(-1).actor, '申请人')

    const late = (await registerCase(t, window, matterId, { applicantPhone: phone })).case
    await actOk(t, window, late.id, 'accept')
    await actOk(t, window, late.id, 'startHandling')
    await actOk(t, window, late.id, 'startSpecial', '听证')
    const during = await withdraw(late.id)
    assert.equal(during.statusCode, 409)
    assert.match(during.json().message, /特别程序进行中/)
    await actOk(t, window, late.id, 'endSpecial')
    const withdrawn = json(await withdraw(late.id))
    assert.equal(withdrawn.status, 'withdrawn')
    assert.equal(withdrawn.deadline, null, 'a withdrawn case has no clock')

    const done = (await registerCase(t, window, matterId, { applicantPhone: phone })).case
    await actOk(t, window, done.id, 'accept')
    await actOk(t, window, done.id, 'approve')
    const refused = await withdraw(done.id)
    assert.deepEqual([refused.statusCode, refused.json().message], [409, '该办件已办结，不能再撤回'])
  })
})

describe('cases: authorisation', () => {
  test("a citizen never sees another's case: 404 like an unknown id", async () => {
    const { case: c } = await registerCase(t, window, matterId, { applicantPhone: '13700000021' })
    await signInByPhone(t, '13700000021')
    const stranger = await signInByPhone(t, '13700000022')
    const res = await t.app.inject({ url: `/api/cases/${c.id}`, headers: stranger })
    const unknown = await t.app.inject({ url: '/api/cases/00000000-0000-4000-8000-000000000000', headers: stranger })
    assert.deepEqual([res.statusCode, res.json().message], [unknown.statusCode, unknown.json().message])
    assert.equal(res.statusCode, 404)
    const w = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/withdraw`, headers: stranger, payload: { reason: '不想办了' } })
    assert.equal(w.statusCode, 404)
    assert.equal(json<CasePage>(await t.app.inject({ url: '/api/cases', headers: stranger })).total, 0)
  })

  test('staff of another department: 403; citizens cannot call staff routes; anonymous: 401', async () => {
    const { case: c } = await registerCase(t, window, matterId)
    const other = await signInStaff(t, 'jt.window')
    assert.equal((await staffGet(other, c.id)).statusCode, 403)
    assert.equal((await act(t, other, c.id, 'accept')).statusCode, 403)
    assert.ok(json<CasePage>(await t.app.inject({ url: '/api/staff/cases', headers: other })).items.every((x) => x.department.id !== c.department.id))
    const admin = await signInStaff(t, 'admin')
    assert.equal((await staffGet(admin, c.id)).statusCode, 200)
    const citizen = await signInByPhone(t, '13700000031')
    assert.equal((await t.app.inject({ url: '/api/staff/cases', headers: citizen })).statusCode, 403)
    assert.equal((await staffGet(citizen, c.id)).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/supervision', headers: citizen })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/cases', headers: window })).statusCode, 403)
    assert.equal((await t.app.inject('/api/cases')).statusCode, 401)
    assert.equal((await t.app.inject('/api/notifications')).statusCode, 401)
  })
})
