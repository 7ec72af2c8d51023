/** Complaints and suggestions (投诉建议): filing (idempotent), cases and departments, photos, the staff desk, replies, ratings, deadlines. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { ComplaintDetail, ComplaintPage, StaffComplaintDetail, StaffComplaintPage } from '../../types/complaints'
import type { NotificationPage } from '../../types/notifications'
import { computeDeadline, shanghaiDate } from '../src/domain/calendar'
import { removeUnattachedComplaintPhotos } from '../src/services/housekeeping'
import { matterOf, registerCase } from './casesHelpers'
import {
  JPEG,
  REPLY,
  complaintBody,
  departmentId,
  file,
  fileOk,
  newCitizen,
  sql,
  staffAct,
  staffActOk,
  uploadPhoto,
  uploadPhotoOk,
} from './complaintsHelpers'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'

let t: TestApp
let scjg: { authorization: string }
let rsj: { authorization: string }
let admin: { authorization: string }
let scjgId: string
let rsjId: string
let matterId: string
before(async () => {
  // A small file limit so the 413 test stays cheap.
  t = await startTestApp({ UPLOAD_MAX_FILE_BYTES: String(64 * 1024) })
  ;[scjg, rsj, admin] = await Promise.all([signInStaff(t, 'scjg.window'), signInStaff(t, 'rsj.lead'), signInStaff(t, 'admin')])
  scjgId = await departmentId(t, 'scjg')
  rsjId = await departmentId(t, 'rsj')
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

const staffGet = (h: { authorization: string }, id: string) => t.app.inject({ url: `/api/staff/complaints/${id}`, headers: h })

describe('filing', () => {
  test('a complaint gets a TS number, its department and a deadline; a suggestion gets JY', async () => {
    const c = await newCitizen(t)
    const d = await fileOk(t, c, { departmentId: scjgId, content: '  窗口工作人员态度生硬，解释不耐心，希望改进。  ' })
    assert.match(d.number, new RegExp(`^TS${shanghaiDate(new Date()).replaceAll('-', '')}\\d{6}$`))
    assert.equal(d.status, 'submitted')
    assert.equal(d.content, '窗口工作人员态度生硬，解释不耐心，希望改进。')
    assert.deepEqual(d.department?.id, scjgId)
    assert.equal(d.case, null)
    assert.deepEqual(d.photos, [])
    assert.equal(d.reply, null)
    assert.equal(d.canRate, false)
    assert.equal(d.deadline?.light, 'green')
    const s = await fileOk(t, c, { kind: 'suggestion', category: 'app' })
    assert.match(s.number, /^JY\d{14}$/)
    assert.equal(s.department, null, 'no case, no pick: the platform handles it')
    const list: ComplaintPage = json(await t.app.inject({ url: '/api/complaints', headers: c }))
    assert.deepEqual(list.items.map((i) => i.id), [s.id, d.id], 'mine, newest first')
    assert.equal(list.total, 2)
  })

  test('a retry with the same clientKey answers 200 with the same complaint; parallel retries make one row', async () => {
    const c = await newCitizen(t)
    const body = complaintBody({ departmentId: scjgId })
    const first = await file(t, c, body)
    assert.equal(first.statusCode, 201)
    const retry = await file(t, c, body)
    assert.equal(retry.statusCode, 200)
    assert.equal(retry.json().id, first.json().id)

    const photo = await uploadPhotoOk(t, c)
    const parallel = complaintBody({ photoIds: [photo.id] })
    const results = await Promise.all([file(t, c, parallel), file(t, c, parallel), file(t, c, parallel)])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 200, 201], results.map((r) => r.body).join('\n'))
    assert.equal(new Set(results.map((r) => r.json().id)).size, 1)
    assert.deepEqual(results[0].json().photos.map((p: { id: string }) => p.id), [photo.id])
    const { rows } = await sql(t, `SELECT count(*)::int AS n FROM complaints WHERE client_key = $1`, [parallel.clientKey])
    assert.equal(rows[0].n, 1)
    // The same key of another citizen is another complaint.
    const other = await newCitizen(t)
    assert.equal((await file(t, other, body)).statusCode, 201)
  })

  test('linking my case picks its department; another citizen\'s case is refused', async () => {
    const c = await newCitizen(t)
    const receipt = await registerCase(t, scjg, matterId, { applicantPhone: c.phone })
    const d = await fileOk(t, c, { caseId: receipt.case.id, departmentId: rsjId })
    assert.equal(d.department?.id, scjgId, "the case's department wins over the pick")
    assert.equal(d.case?.id, receipt.case.id)
    assert.equal(d.case?.number, receipt.case.number)
    assert.ok(d.case?.matterName)

    const stranger = await newCitizen(t)
    const res = await file(t, stranger, complaintBody({ caseId: receipt.case.id }))
    assert.deepEqual([res.statusCode, res.json().field], [400, 'caseId'])
    const unknown = await file(t, stranger, complaintBody({ caseId: randomUUID() }))
    assert.deepEqual([unknown.statusCode, unknown.json().field], [400, 'caseId'])
  })

  test('bad input answers 400 with a Chinese message', async () => {
    const c = await newCitizen(t)
    const cases: Array<[object, string]> = [
      [complaintBody({ departmentId: randomUUID() }), 'departmentId'],
      [complaintBody({ content: '太短了' }), 'content'],
      [complaintBody({ content: '          短          ' }), 'content'],
      [complaintBody({ kind: 'praise' }), 'kind'],
      [complaintBody({ category: 'nope' }), 'category'],
      [complaintBody({ clientKey: 'not-a-uuid' }), 'clientKey'],
      [complaintBody({ photoIds: [randomUUID(), randomUUID(), randomUUID(), randomUUID()] }), 'photoIds'],
      [complaintBody({ extra: 1 }), ''],
    ]
    for (const [body, field] of cases) {
      const res = await file(t, c, body)
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`)
      assert.match(res.json().message, /\p{Script=Han}/u)
      if (field) assert.equal(res.json().field?.split('.')[0].replace(/^\//, ''), field, res.body)
    }
    assert.equal((await t.app.inject({ url: `/api/complaints/${randomUUID()}`, headers: c })).statusCode, 404)
    assert.equal((await t.app.inject({ url: '/api/complaints/xyz', headers: c })).statusCode, 400)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() })).statusCode, 401)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/complaints', headers: scjg, payload: complaintBody() })).statusCode, 403)
  })

  test("others' complaints answer 404 to a citizen", async () => {
    const a = await newCitizen(t)
    const b = await newCitizen(t)
    const d = await fileOk(t, a)
    assert.equal((await t.app.inject({ url: `/api/complaints/${d.id}`, headers: b })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/complaints/${d.id}/rating`, headers: b, payload: { satisfaction: 'satisfied' } })).statusCode, 404)
    const list: ComplaintPage = json(await t.app.inject({ url: '/api/complaints', headers: b }))
    assert.equal(list.total, 0)
  })
})

describe('photos', () => {
  test('upload, attach, and signed URLs for the owner and the handling department only', async () => {
    const a = await newCitizen(t)
    const b = await newCitizen(t)
    const bytes = JPEG(3000)
    const photo = await uploadPhotoOk(t, a, bytes)
    assert.equal(photo.contentType, 'image/jpeg')
    assert.equal(photo.size, 3000)
    const served = await t.app.inject({ url: photo.url })
    assert.equal(served.statusCode, 200)
    assert.deepEqual(served.rawPayload, bytes)

    // B cannot attach A's photo.
    const foreign = await file(t, b, complaintBody({ photoIds: [photo.id] }))
    assert.deepEqual([foreign.statusCode, foreign.json().field], [400, 'photoIds'])

    const d = await fileOk(t, a, { departmentId: scjgId, photoIds: [photo.id] })
    assert.deepEqual(d.photos.map((p) => p.id), [photo.id])
    assert.equal((await t.app.inject({ url: d.photos[0].url })).statusCode, 200, 'the owner sees it')
    // Used once: a second complaint cannot take it.
    const reused = await file(t, a, complaintBody({ photoIds: [photo.id] }))
    assert.deepEqual([reused.statusCode, reused.json().field], [400, 'photoIds'])

    const staffView: StaffComplaintDetail = json(await staffGet(scjg, d.id))
    assert.equal(staffView.photos.length, 1)
    assert.equal((await t.app.inject({ url: staffView.photos[0].url })).statusCode, 200, 'the department sees it')
    assert.equal((await staffGet(rsj, d.id)).statusCode, 404, 'another department gets no URL at all')
    assert.equal((await t.app.inject({ url: `/api/complaints/${d.id}`, headers: b })).statusCode, 404, 'another citizen gets no URL at all')
    // A guessed or altered signature is refused.
    const forged = d.photos[0].url.replace(/signature=[^&]+/, `signature=${'A'.repeat(43)}`)
    assert.equal((await t.app.inject({ url: forged })).statusCode, 403)
  })

  test('wrong type 415, too big 413, nothing kept', async () => {
    const c = await newCitizen(t)
    const count = async () => (await sql(t, `SELECT count(*)::int AS n FROM complaint_photos WHERE citizen_id = $1`, [c.id])).rows[0].n
    const pdf = await uploadPhoto(t, c, Buffer.from('%PDF-1.7\n' + 'x'.repeat(200)))
    assert.equal(pdf.statusCode, 415)
    assert.match(pdf.json().message, /JPG/)
    const text = await uploadPhoto(t, c, Buffer.from('hello world, not an image at all'))
    assert.equal(text.statusCode, 415)
    const big = await uploadPhoto(t, c, JPEG(64 * 1024 + 10))
    assert.equal(big.statusCode, 413)
    assert.match(big.json().message, /64 KB/)
    assert.equal(await count(), 0)
    const notMultipart = await t.app.inject({ method: 'POST', url: '/api/complaints/photos', headers: c, payload: { file: 'x' } })
    assert.equal(notMultipart.statusCode, 400)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/complaints/photos', payload: {} })).statusCode, 401)
  })

  test('unattached photos older than a day are swept; attached ones stay', async () => {
    const c = await newCitizen(t)
    const loose = await uploadPhotoOk(t, c)
    const used = await uploadPhotoOk(t, c)
    await fileOk(t, c, { photoIds: [used.id] })
    await sql(t, `UPDATE complaint_photos SET created_at = now() - interval '25 hours' WHERE id = ANY($1)`, [[loose.id, used.id]])
    const fresh = await uploadPhotoOk(t, c)
    assert.ok((await removeUnattachedComplaintPhotos(t.db.database.db)) >= 1)
    const { rows } = await sql(t, `SELECT id FROM complaint_photos WHERE citizen_id = $1 ORDER BY id`, [c.id])
    assert.deepEqual(rows.map((r) => r.id).sort(), [used.id, fresh.id].sort())
    const gone = await file(t, c, complaintBody({ photoIds: [loose.id] }))
    assert.deepEqual([gone.statusCode, gone.json().field], [400, 'photoIds'])
  })
})

describe('the staff desk', () => {
  test('scoping: own department only; no department → admin only; lists mask the name', async () => {
    const c = await newCitizen(t)
    const mine = await fileOk(t, c, { departmentId: scjgId })
    const platform = await fileOk(t, c, { kind: 'suggestion', category: 'app' })
    const scjgList: StaffComplaintPage = json(await t.app.inject({ url: '/api/staff/complaints?pageSize=50', headers: scjg }))
    assert.ok(scjgList.items.some((i) => i.id === mine.id))
    assert.ok(!scjgList.items.some((i) => i.id === platform.id))
    assert.ok(scjgList.items.every((i) => i.department?.id === scjgId))
    const item = scjgList.items.find((i) => i.id === mine.id)!
    assert.equal(item.citizenNameMasked, '李*')
    assert.ok(!JSON.stringify(scjgList).includes(c.phone), 'no phone in lists')
    assert.equal((await staffGet(rsj, mine.id)).statusCode, 404)
    assert.equal((await staffGet(scjg, platform.id)).statusCode, 404)
    assert.equal((await staffAct(t, rsj, mine.id, { action: 'accept' })).statusCode, 404)

    const adminList: StaffComplaintPage = json(await t.app.inject({ url: '/api/staff/complaints?open=true&pageSize=50', headers: admin }))
    assert.ok(adminList.items.some((i) => i.id === platform.id))
    assert.ok(adminList.items.some((i) => i.id === mine.id))
    const detail: StaffComplaintDetail = json(await staffGet(scjg, mine.id))
    assert.equal(detail.phoneMasked, `${c.phone.slice(0, 3)}****${c.phone.slice(7)}`)
    assert.deepEqual(detail.allowedActions, ['accept', 'reply'])
    const adminDetail: StaffComplaintDetail = json(await staffGet(admin, platform.id))
    assert.deepEqual(adminDetail.allowedActions, ['accept', 'reply', 'assign'])
    const { rows } = await sql(t, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND target_kind = 'complaint' AND target_id = $1`, [mine.id])
    assert.equal(rows[0].n, 1, 'the staff read is audited')
  })

  test('accept, reply (notification), 409s, rating once', async () => {
    const c = await newCitizen(t)
    const d = await fileOk(t, c, { departmentId: scjgId })
    const accepted = await staffActOk(t, scjg, d.id, { action: 'accept' })
    assert.equal(accepted.status, 'processing')
    assert.equal(accepted.handledBy, '王**')
    assert.deepEqual(accepted.allowedActions, ['reply'])
    const again = await staffAct(t, scjg, d.id, { action: 'accept' })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().message, /已受理/)

    const early = await t.app.inject({ method: 'POST', url: `/api/complaints/${d.id}/rating`, headers: c, payload: { satisfaction: 'satisfied' } })
    assert.equal(early.statusCode, 409)

    const short = await staffAct(t, scjg, d.id, { action: 'reply', text: '已处理' })
    assert.deepEqual([short.statusCode, short.json().field], [400, 'text'])
    const none = await staffAct(t, scjg, d.id, { action: 'reply' })
    assert.deepEqual([none.statusCode, none.json().field], [400, 'text'])
    const assign = await staffAct(t, scjg, d.id, { action: 'assign', departmentId: rsjId })
    assert.equal(assign.statusCode, 403)

    const replied = await staffActOk(t, scjg, d.id, { action: 'reply', text: REPLY })
    assert.equal(replied.status, 'replied')
    assert.deepEqual(replied.allowedActions, [])
    assert.equal(replied.reply?.text, REPLY)
    assert.equal(replied.deadline?.label, '按期答复')
    const twice = await staffAct(t, scjg, d.id, { action: 'reply', text: REPLY })
    assert.equal(twice.statusCode, 409)
    assert.match(twice.json().message, /已答复/)

    const inbox: NotificationPage = json(await t.app.inject({ url: '/api/notifications', headers: c }))
    const message = inbox.items.find((n) => n.kind === 'complaintReply')
    assert.ok(message, inbox.items.map((n) => n.kind).join())
    assert.deepEqual(message.subject, { kind: 'complaint', id: d.id })
    assert.match(message.body, new RegExp(d.number))

    const mine: ComplaintDetail = json(await t.app.inject({ url: `/api/complaints/${d.id}`, headers: c }))
    assert.equal(mine.reply?.by, accepted.department?.name)
    assert.equal(mine.canRate, true)
    const rated = await t.app.inject({ method: 'POST', url: `/api/complaints/${d.id}/rating`, headers: c, payload: { satisfaction: 'basic', comment: ' 还可以 ' } })
    assert.equal(rated.statusCode, 200, rated.body)
    const r: ComplaintDetail = rated.json()
    assert.equal(r.status, 'rated')
    assert.deepEqual([r.rating?.satisfaction, r.rating?.comment, r.canRate], ['basic', '还可以', false])
    const second = await t.app.inject({ method: 'POST', url: `/api/complaints/${d.id}/rating`, headers: c, payload: { satisfaction: 'satisfied' } })
    assert.equal(second.statusCode, 409)
    const badRating = await t.app.inject({ method: 'POST', url: `/api/complaints/${d.id}/rating`, headers: c, payload: { satisfaction: 'great' } })
    assert.equal(badRating.statusCode, 400)
  })

  test('the admin assigns an unassigned complaint; then the department handles it', async () => {
    const c = await newCitizen(t)
    const d = await fileOk(t, c, { kind: 'suggestion', category: 'other' })
    const noDept = await staffAct(t, admin, d.id, { action: 'assign' })
    assert.deepEqual([noDept.statusCode, noDept.json().field], [400, 'departmentId'])
    const unknown = await staffAct(t, admin, d.id, { action: 'assign', departmentId: randomUUID() })
    assert.deepEqual([unknown.statusCode, unknown.json().field], [400, 'departmentId'])
    const assigned = await staffActOk(t, admin, d.id, { action: 'assign', departmentId: rsjId })
    assert.equal(assigned.department?.id, rsjId)
    assert.equal((await staffGet(rsj, d.id)).statusCode, 200)
    await staffActOk(t, rsj, d.id, { action: 'reply', text: REPLY })
    const late = await staffAct(t, admin, d.id, { action: 'assign', departmentId: scjgId })
    assert.equal(late.statusCode, 409)
  })

  test('parallel replies: one wins, one notification', async () => {
    const c = await newCitizen(t)
    const d = await fileOk(t, c, { departmentId: scjgId })
    const results = await Promise.all([staffAct(t, scjg, d.id, { action: 'reply', text: REPLY }), staffAct(t, scjg, d.id, { action: 'reply', text: REPLY })])
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409])
    const { rows } = await sql(t, `SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1`, [d.id])
    assert.equal(rows[0].n, 1)
  })
})

describe('deadline and light', () => {
  test(`due ${5} working days after filing at the close of office; red once past; frozen at the reply`, async () => {
    const c = await newCitizen(t)
    const d = await fileOk(t, c, { departmentId: scjgId })
    const calendar = await t.app.services.calendar.get()
    const expected = computeDeadline({ calendar, hours: t.app.services.calendar.hours, acceptedAt: new Date(d.createdAt), limitDays: 5 })
    assert.equal(d.deadline?.dueAt, expected.dueAt.toISOString())
    assert.equal(shanghaiDate(new Date(d.deadline!.dueAt)), calendar.addWorkingDays(shanghaiDate(new Date(d.createdAt)), 5).date)
    assert.ok(calendar.isWorkday(shanghaiDate(new Date(d.deadline!.dueAt))))
    assert.equal(d.deadline?.light, 'green')
    assert.match(d.deadline!.label, /剩余/)

    await sql(t, `UPDATE complaints SET due_at = now() - interval '3 days' WHERE id = $1`, [d.id])
    const late: ComplaintDetail = json(await t.app.inject({ url: `/api/complaints/${d.id}`, headers: c }))
    assert.equal(late.deadline?.light, 'red')
    assert.match(late.deadline!.label, /已超期/)
    const reds: StaffComplaintPage = json(await t.app.inject({ url: '/api/staff/complaints?light=red&pageSize=50', headers: scjg }))
    assert.ok(reds.items.some((i) => i.id === d.id))
    assert.ok(reds.items.every((i) => i.deadline?.light === 'red'))

    const replied = await staffActOk(t, scjg, d.id, { action: 'reply', text: REPLY })
    assert.equal(replied.deadline?.label, '超期答复')
    const { rows } = await sql(t, `SELECT replied_on_time FROM complaints WHERE id = $1`, [d.id])
    assert.equal(rows[0].replied_on_time, false)
  })

  test('the staff list puts open ones by due time first', async () => {
    const c = await newCitizen(t)
    const a = await fileOk(t, c, { departmentId: rsjId })
    const b = await fileOk(t, c, { departmentId: rsjId })
    await sql(t, `UPDATE complaints SET due_at = due_at - interval '1 day' WHERE id = $1`, [b.id])
    const list: StaffComplaintPage = json(await t.app.inject({ url: '/api/staff/complaints?open=true&pageSize=50', headers: rsj }))
    const ids = list.items.map((i) => i.id)
    assert.ok(ids.indexOf(b.id) < ids.indexOf(a.id))
    for (let i = 1; i < list.items.length; i++) assert.ok(list.items[i - 1].deadline!.dueAt <= list.items[i].deadline!.dueAt)
  })
})

test('the routes are in the OpenAPI document', async () => {
  const doc = json(await t.app.inject({ url: '/api/openapi.json' }))
  for (const path of ['/api/complaints', '/api/complaints/photos', '/api/complaints/{id}', '/api/complaints/{id}/rating', '/api/staff/complaints', '/api/staff/complaints/{id}/actions']) {
    assert.ok(doc.paths[path] ?? doc.paths[`${path}/`], path)
  }
})
