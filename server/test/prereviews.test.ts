/**
 * Pre-review (预审) through the API against a real database: drafts, idempotent
 * creation and submission, the review state machine with claims, rounds of
 * 补正, 容缺, 一件事 bundles reviewed in parallel, cases on passing, and who
 * may see what.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { CaseDetail } from '../../types/cases'
import type { PrereviewDetail, PrereviewForm, StaffPartDetail, StaffPartPage } from '../../types/prereviews'
import { remindTolerancePromises } from '../src/services/cases/toleranceReminders'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'
import { attach, bundleIdOf, citizen, draft, fill, matterIdOf, review, staffPart, submitted, type Who } from './prereviewHelpers'

let t: TestApp
let scjg: Who
let scjgLead: Who
let rsj: Who
let ga: Who
let restaurant: string
let licence: string
before(async () => {
  t = await startTestApp({ SMS_HOURLY_LIMIT_PER_CLIENT: '1000', SMS_DAILY_LIMIT_PER_PHONE: '100', PREREVIEW_CLAIM_MINUTES: '30' })
  ;[scjg, scjgLead, rsj, ga] = await Promise.all([signInStaff(t, 'scjg.window'), signInStaff(t, 'scjg.lead'), signInStaff(t, 'rsj.window'), signInStaff(t, 'ga.window')])
  restaurant = await bundleIdOf(t, 'open-restaurant')
  licence = await matterIdOf(t, 'individual-business-registration')
})
after(() => t.close())

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)
const get = (who: Who, id: string) => t.app.inject({ url: `/api/prereviews/${id}`, headers: who })
const submit = (who: Who, id: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/prereviews/${id}/submit`, headers: who, payload })

describe('the form', () => {
  test('a bundle asks each shared material and field once, and leaves out what a member produces', async () => {
    const res = await t.app.inject({ url: `/api/prereviews/form?bundleId=${restaurant}` })
    assert.equal(res.statusCode, 200, res.body)
    const form = json<PrereviewForm>(res)
    assert.equal(form.title, '开办餐饮店一件事')
    assert.deepEqual(form.parts.map((p) => p.departmentName).length, 3)
    const names = form.materials.map((m) => m.name)
    assert.equal(names.filter((n) => n === '授权委托书').length, 1, 'shared material asked once')
    assert.ok(!names.includes('营业执照'), 'the licence applied for in the bundle is not asked for')
    const proxy = form.materials.find((m) => m.name === '授权委托书')!
    assert.equal(proxy.matterIds.length, 2)
    assert.equal(form.fields.filter((f) => f.key === 'businessAddress').length, 1, 'shared field asked once')
  })

  test('exactly one target', async () => {
    assert.equal((await t.app.inject({ url: '/api/prereviews/form' })).statusCode, 400)
    assert.equal((await t.app.inject({ url: `/api/prereviews/form?matterId=${randomUUID()}` })).statusCode, 400)
  })
})

describe('drafts', () => {
  test('the same client key gives the same draft; another citizen cannot see it', async () => {
    const a = await citizen(t)
    const key = randomUUID()
    const first = await draft(t, a, { kind: 'matter', matterId: licence }, key)
    const again = await t.app.inject({ method: 'POST', url: '/api/prereviews', headers: a, payload: { clientKey: key, target: { kind: 'matter', matterId: licence } } })
    assert.equal(again.statusCode, 200)
    assert.equal(json<PrereviewDetail>(again).id, first.id)
    assert.equal(first.status, 'draft')
    assert.equal(first.number, null)
    const b = await citizen(t, '王大力')
    assert.equal((await get(b, first.id)).statusCode, 404)
    const list = await t.app.inject({ url: '/api/prereviews', headers: a })
    assert.equal(json(list).total, 1)
  })

  test('fields are checked against the form and saved', async () => {
    const a = await citizen(t)
    const d = await draft(t, a, { kind: 'matter', matterId: licence })
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/prereviews/${d.id}`, headers: a, payload: { fields: { capital: '很多' } } })
    assert.equal(bad.statusCode, 400)
    assert.match(json(bad).message, /资金数额.*数字/)
    const unknown = await t.app.inject({ method: 'PATCH', url: `/api/prereviews/${d.id}`, headers: a, payload: { fields: { nope: 'x' } } })
    assert.equal(unknown.statusCode, 400)
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/prereviews/${d.id}`, headers: a, payload: { fields: { businessName: '玉门市老王家常菜馆' } } })
    assert.equal(ok.statusCode, 200)
    assert.equal(json<PrereviewDetail>(ok).fields.businessName, '玉门市老王家常菜馆')
  })

  test('submission needs the required fields, materials and delivery', async () => {
    const a = await citizen(t)
    const d = await draft(t, a, { kind: 'matter', matterId: licence })
    const noFields = await submit(a, d.id)
    assert.equal(noFields.statusCode, 400)
    assert.match(json(noFields).message, /请填写/)
    await fill(t, a, d)
    const noMaterials = await submit(a, d.id)
    assert.equal(noMaterials.statusCode, 400)
    assert.match(json(noMaterials).message, /请上传必交材料/)
    // 容缺-eligible materials may be missing: the reviewer decides.
    for (const m of d.materials) if (m.slot.required && !m.slot.acceptsTolerance) await attach(t, a, d.id, m.slot.key)
    const ok = await submit(a, d.id)
    assert.equal(ok.statusCode, 200, ok.body)
    const detail = json<PrereviewDetail>(ok)
    assert.equal(detail.status, 'submitted')
    assert.match(detail.number!, /^YS\d{14}$/)
    assert.equal(detail.parts[0].status, 'pending')
    assert.ok(detail.parts[0].deadline, 'a review deadline with its light')
  })

  test('a repeated submission (double tap, retry) changes nothing', async () => {
    const a = await citizen(t)
    const d = await fill(t, a, await draft(t, a, { kind: 'matter', matterId: licence }))
    for (const m of d.materials) await attach(t, a, d.id, m.slot.key)
    const answers = await Promise.all([submit(a, d.id), submit(a, d.id), submit(a, d.id)])
    for (const r of answers) assert.equal(r.statusCode, 200, r.body)
    const numbers = new Set(answers.map((r) => json<PrereviewDetail>(r).number))
    assert.equal(numbers.size, 1)
    const events = await sql(`SELECT kind FROM prereview_events WHERE prereview_id = $1`, [d.id])
    assert.deepEqual(events.rows.map((r) => r.kind), ['submitted'])
  })
})

describe('review', () => {
  test('staff of other departments are refused, drafts are invisible, claims are exclusive', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'matter', matterId: licence })
    const partId = d.parts[0].id
    assert.equal((await staffPart(t, rsj, partId)).statusCode, 403)
    const queue = json<StaffPartPage>(await t.app.inject({ url: '/api/staff/prereviews', headers: scjg }))
    const item = queue.items.find((x) => x.partId === partId)!
    assert.ok(item, 'in the department queue')
    assert.equal(item.applicantNameMasked, '李**')
    assert.ok(!JSON.stringify(queue).includes(a.phone))
    assert.equal(json<StaffPartPage>(await t.app.inject({ url: '/api/staff/prereviews', headers: rsj })).items.some((x) => x.partId === partId), false)

    const unclaimed = await staffPart(t, scjg, partId, `/materials/${d.materials[0].slot.key}`, { verdict: 'pass', reason: '' }, 'PUT')
    assert.equal(unclaimed.statusCode, 409, 'a verdict needs the claim')
    assert.equal((await staffPart(t, scjg, partId, '/claim')).statusCode, 200)
    const second = await staffPart(t, scjgLead, partId, '/claim')
    assert.equal(second.statusCode, 409)
    assert.match(json(second).message, /正由.+审核/)
    // An abandoned claim lapses.
    await sql(`UPDATE prereview_parts SET claim_expires_at = now() - interval '1 minute' WHERE id = $1`, [partId])
    const taken = await staffPart(t, scjgLead, partId, '/claim')
    assert.equal(taken.statusCode, 200, taken.body)
    assert.equal(json<StaffPartDetail>(taken).claim?.mine, true)

    const other = await citizen(t)
    const mine = await draft(t, other, { kind: 'matter', matterId: licence })
    const [row] = (await sql(`SELECT id FROM prereview_parts WHERE prereview_id = $1`, [mine.id])).rows
    assert.equal((await staffPart(t, scjg, row.id)).statusCode, 404)
  })

  test('a reply covers every material; a return needs its reason; refusing needs the legal reason', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'matter', matterId: licence })
    const partId = d.parts[0].id
    await staffPart(t, scjg, partId, '/claim')
    const [first, second] = d.materials
    const noReason = await staffPart(t, scjg, partId, `/materials/${first.slot.key}`, { verdict: 'return', reason: '' }, 'PUT')
    assert.equal(noReason.statusCode, 400)
    await staffPart(t, scjg, partId, `/materials/${first.slot.key}`, { verdict: 'return', reason: '照片模糊' }, 'PUT')
    const early = await staffPart(t, scjg, partId, '/decision', { decision: 'return', comment: '' })
    assert.equal(early.statusCode, 409, 'one complete notice: every material first')
    assert.match(json(early).message, new RegExp(second.slot.name))
    const detail = json<StaffPartDetail>(await staffPart(t, scjg, partId))
    assert.deepEqual(detail.allowedDecisions, ['refuse'])
    // The citizen does not see marks before the reply.
    assert.deepEqual(json<PrereviewDetail>(await get(a, d.id)).materials[0].reviews, [])
    const refuse = await staffPart(t, scjg, partId, '/decision', { decision: 'refuse', comment: '' })
    assert.equal(refuse.statusCode, 409)
  })

  test('return for correction, replace only the returned material, pass: the case and its receipt', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'matter', matterId: licence })
    const partId = d.parts[0].id
    const returned = d.materials[0].slot.key
    const kept = d.materials[1].slot.key
    const replied = await review(t, scjg, partId, 'return', { returns: [returned], comment: '其余材料齐全' })
    assert.equal(replied.part.status, 'returned')
    assert.match(replied.part.reply, /一次性告知[\s\S]*照片模糊/)

    let mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.status, 'returned')
    assert.deepEqual(mine.materials.filter((m) => m.editable).map((m) => m.slot.key), [returned], 'only the returned material may change')
    assert.equal(mine.materials[0].reviews[0].verdict, 'return')
    const notes = json(await t.app.inject({ url: '/api/notifications', headers: a }))
    assert.ok(notes.items.some((n: { title: string }) => n.title === '预审需补正材料'))

    const stale = await submit(a, d.id)
    assert.equal(stale.statusCode, 400, 'the returned material must be replaced')
    const refusedUpload = await t.app.inject({ method: 'POST', url: `/api/prereviews/${d.id}/materials/${kept}/files`, headers: a })
    assert.notEqual(refusedUpload.statusCode, 201)
    await attach(t, a, d.id, returned)
    const again = await submit(a, d.id)
    assert.equal(again.statusCode, 200, again.body)
    mine = json<PrereviewDetail>(again)
    assert.equal(mine.status, 'submitted')
    assert.equal(mine.round, 2)
    assert.equal(mine.materials[0].earlierFiles.length, 1, 'the returned page stays in the history')

    const round2 = json<StaffPartDetail>(await staffPart(t, scjg, partId, '/claim'))
    assert.equal(round2.round, 2)
    assert.equal(round2.materials.find((m) => m.slot.key === returned)!.changedThisRound, true)
    assert.equal(round2.materials.find((m) => m.slot.key === kept)!.verdict?.verdict, 'pass', 'untouched passes carry over')
    assert.equal(round2.materials.find((m) => m.slot.key === returned)!.verdict, null)
    const passed = await review(t, scjg, partId, 'pass')
    assert.equal(passed.part.status, 'passed')

    mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.status, 'passed')
    const receipt = mine.parts[0].receipt!
    assert.match(receipt.caseNumber, /^YM\d{14}$/)
    assert.match(receipt.queryPassword, /^\d{6}$/)
    assert.equal(receipt.receiptCode, `PYC1:${receipt.caseNumber}:${receipt.queryPassword}`)
    assert.equal(receipt.needsVisit, false)
    const c = json<CaseDetail>(await t.app.inject({ url: `/api/cases/${receipt.caseId}`, headers: a }))
    assert.equal(c.status, 'accepted', '全程网办: accepted at once')
    assert.ok(c.deadline)
    const lookup = await t.app.inject({ method: 'POST', url: '/api/cases/lookup', payload: { number: receipt.caseNumber, password: receipt.queryPassword } })
    assert.equal(lookup.statusCode, 200)
    const kinds = mine.history.map((h) => h.kind)
    for (const k of ['submitted', 'claimed', 'materialMarked', 'decided', 'resubmitted', 'caseCreated']) assert.ok(kinds.includes(k as never), k)
  })

  test('容缺: accepted with a non-essential material missing, promised by a date', async () => {
    const a = await citizen(t)
    const d = await fill(t, a, await draft(t, a, { kind: 'matter', matterId: licence }))
    const tolerable = d.materials.find((m) => m.slot.required && m.slot.acceptsTolerance)!
    for (const m of d.materials) if (m.slot.key !== tolerable.slot.key) await attach(t, a, d.id, m.slot.key)
    assert.equal((await submit(a, d.id)).statusCode, 200)
    const partId = d.parts[0].id
    const farAway = await review(t, scjg, partId, 'pass').catch((e: Error) => e)
    assert.ok(farAway instanceof Error, 'cannot pass with a required material missing')
    const tooLate = await staffPart(t, scjg, partId, '/decision', { decision: 'tolerate', comment: '', tolerance: { materialKeys: [tolerable.slot.key], promisedOn: '2099-01-01' } })
    assert.equal(tooLate.statusCode, 400)
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    const ok = await staffPart(t, scjg, partId, '/decision', { decision: 'tolerate', comment: '', tolerance: { materialKeys: [tolerable.slot.key], promisedOn: soon } })
    assert.equal(ok.statusCode, 200, ok.body)
    const mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.parts[0].status, 'tolerated')
    assert.deepEqual(mine.parts[0].tolerance?.materialNames, [tolerable.slot.name])
    const [row] = (await sql(`SELECT status, tolerance_materials, tolerance_promised_on FROM cases WHERE id = $1`, [mine.parts[0].receipt!.caseId])).rows
    assert.deepEqual(row, { status: 'accepted', tolerance_materials: [tolerable.slot.name], tolerance_promised_on: soon })

    // Reminded once from the day before the promise, by any number of runs.
    const caseId = mine.parts[0].receipt!.caseId
    const dayBefore = new Date(Date.parse(`${soon}T09:00:00+08:00`) - 86_400_000)
    assert.equal(await remindTolerancePromises(t.db.database.db, t.app.services.notifications, new Date(dayBefore.getTime() - 86_400_000)), 0)
    const runs = await Promise.all([1, 2].map(() => remindTolerancePromises(t.db.database.db, t.app.services.notifications, dayBefore)))
    assert.equal(runs[0] + runs[1], 1)
    const notes = json(await t.app.inject({ url: '/api/notifications', headers: a }))
    assert.ok(notes.items.some((n: { title: string; body: string }) => n.title === '请按承诺补交容缺材料' && n.body.includes(tolerable.slot.name)))
    const fulfilled = await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseId}/tolerance-fulfilled`, headers: scjg })
    assert.equal(fulfilled.statusCode, 200, fulfilled.body)
    const c = json<CaseDetail>(await t.app.inject({ url: `/api/cases/${caseId}`, headers: a }))
    assert.equal(c.tolerance?.promisedOn, soon)
    assert.ok(c.tolerance?.fulfilledAt)
    assert.match(c.steps.at(-1)!.comment, /容缺材料已补齐/)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/cases/${caseId}/tolerance-fulfilled`, headers: rsj })).statusCode, 403)
  })

  test('a bundle: departments review in parallel, it passes when every part passes, each part becomes its case', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'bundle', bundleId: restaurant })
    assert.equal(d.parts.length, 3)
    const [business, food, insurance] = d.parts
    // Two departments reply at the same moment: exactly one of them sees the whole bundle pass.
    await review(t, scjg, business.id, 'pass')
    await staffPart(t, scjgLead, food.id, '/claim')
    await staffPart(t, rsj, insurance.id, '/claim')
    const detailFood = json<StaffPartDetail>(await staffPart(t, scjgLead, food.id))
    const detailIns = json<StaffPartDetail>(await staffPart(t, rsj, insurance.id))
    for (const m of detailFood.materials) if (m.files.length) await staffPart(t, scjgLead, food.id, `/materials/${m.slot.key}`, { verdict: 'pass', reason: '' }, 'PUT')
    for (const m of detailIns.materials) if (m.files.length) await staffPart(t, rsj, insurance.id, `/materials/${m.slot.key}`, { verdict: 'pass', reason: '' }, 'PUT')
    let mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.status, 'submitted', 'not passed while parts are pending')
    const replies = await Promise.all([
      staffPart(t, scjgLead, food.id, '/decision', { decision: 'pass', comment: '' }),
      staffPart(t, rsj, insurance.id, '/decision', { decision: 'pass', comment: '' }),
    ])
    for (const r of replies) assert.equal(r.statusCode, 200, r.body)
    mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.status, 'passed')
    const caseIds = mine.parts.map((p) => p.receipt?.caseId)
    assert.equal(new Set(caseIds).size, 3, 'one case per part')
    const rows = (await sql(`SELECT d.key FROM cases c JOIN departments d ON d.id = c.department_id WHERE c.id = ANY($1)`, [caseIds])).rows
    assert.deepEqual(rows.map((r) => r.key).sort(), ['rsj', 'scjg', 'scjg'])
    const food2 = mine.parts.find((p) => p.id === food.id)!
    assert.equal(food2.receipt!.needsVisit, true, 'the food licence needs one visit: book it')
  })

  test('a bundle part refused refuses the bundle, with no cases', async () => {
    const a = await citizen(t)
    const newborn = await bundleIdOf(t, 'newborn')
    const d = await submitted(t, a, { kind: 'bundle', bundleId: newborn })
    await staffPart(t, ga, d.parts[0].id, '/claim')
    const refused = await staffPart(t, ga, d.parts[0].id, '/decision', { decision: 'refuse', comment: '依据《户口登记条例》第七条，出生医学证明信息与户籍信息不一致' })
    assert.equal(refused.statusCode, 200, refused.body)
    assert.equal(json<PrereviewDetail>(await get(a, d.id)).status, 'submitted', 'the other department still reviews')
    await review(t, rsj, d.parts[1].id, 'pass')
    const mine = json<PrereviewDetail>(await get(a, d.id))
    assert.equal(mine.status, 'refused')
    assert.ok(mine.parts.every((p) => p.receipt === null))
  })

  test('withdrawing takes it out of the queue', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'matter', matterId: licence })
    const res = await t.app.inject({ method: 'POST', url: `/api/prereviews/${d.id}/withdraw`, headers: a, payload: { reason: '信息填错了' } })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(json<PrereviewDetail>(res).status, 'withdrawn')
    assert.equal((await staffPart(t, scjg, d.parts[0].id, '/claim')).statusCode, 409)
    assert.equal((await submit(a, d.id)).statusCode, 409)
  })

  test('file links in a reviewer’s view work for the reviewer', async () => {
    const a = await citizen(t)
    const d = await submitted(t, a, { kind: 'matter', matterId: licence })
    const detail = json<StaffPartDetail>(await staffPart(t, scjg, d.parts[0].id))
    const url = detail.materials[0].files[0].url
    const res = await t.app.inject({ url })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'image/jpeg')
  })
})
