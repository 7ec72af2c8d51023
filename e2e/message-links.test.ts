/**
 * The message centre's deep links and the admins' delivery failures, in the
 * city app (dist/h5) against the real API on a seeded database. One citizen
 * gets messages about five kinds of things through the server's own flows
 * (a case accepted, a fee order issued, a booking made, a pre-review returned,
 * a 差评 replied to); each one opens, from 我的 → 我的消息, the page of what it
 * concerns, and is read afterwards. The rating reply's SMS is refused by the
 * SMS simulator (a template it does not know): an admin sees that failure on
 * 消息发送记录 as the API reports it; a window clerk gets neither the link nor the list.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { bookableMatter, signInCitizen, staffOf, storedSessionValue, type CitizenLogin } from './support/appointments'
import { currentPage, nutButton, openPhoneBrowser, step, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { acceptedCase, issueFee } from './support/payments'
import { drawJpeg } from './support/prereviewCitizen'
import { completedCase, staffToken } from './support/ratings'
import { api, startStack, type Stack } from './support/stack'

const PHONE = '13900055501'
const APPLICANT = { name: '赵小六', idNumber: '11010519491231002X', phone: PHONE }
/** An SMS template code the simulator's account does not have: Aliyun answers isv.SMS_TEMPLATE_ILLEGAL. */
const UNKNOWN_SMS_TEMPLATE = 'SMS_E2E_NOT_APPROVED'
const MESSAGES = '/packages/cases/pages/messages/index'
const DELIVERIES = '/packages/staff/pages/deliveries/index'

let stack: Stack
let phone: PhoneBrowser

before(async () => {
  stack = await startStack({ env: { SMS_TEMPLATE_RATING_REPLY: UNKNOWN_SMS_TEMPLATE } })
  phone = await openPhoneBrowser('message-links')
})

after(async () => {
  await phone?.close()
  await stack?.close()
})

/** Puts a stored session on the phone (as SessionStore persists it) and opens `path`. */
async function signedIn(kind: 'citizen' | 'staff', login: CitizenLogin, path: string): Promise<void> {
  await phone.page.goto(`${stack.h5Url}/pages/home/index`)
  await phone.page.evaluate((value) => localStorage.setItem('paoyici.session', JSON.stringify({ data: value })), storedSessionValue(kind, login))
  await phone.page.goto(`${stack.h5Url}${path}`)
  await waitForRoute(phone.page, path.split('?')[0])
}

/** A pre-review of 个体工商户设立登记 submitted by the citizen and returned for correction by the department's clerk. */
async function returnedPrereview(citizen: CitizenLogin): Promise<string> {
  const call = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => api(stack, path, { token: citizen.token, ...init })
  const found = (await api(stack, `/api/matters?q=${encodeURIComponent('个体工商户设立登记')}`)).body.items.find((m: any) => m.name === '个体工商户设立登记')
  assert.ok(found, 'the seeded city offers 个体工商户设立登记')
  const created = await call('/api/prereviews', { method: 'POST', body: { clientKey: randomUUID(), target: { kind: 'matter', matterId: found.id } } })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const draft = created.body
  const fields: Record<string, string> = {}
  for (const field of draft.form.filter((f: any) => f.required)) {
    fields[field.key] = field.kind === 'select' ? field.options[0] : field.kind === 'number' ? '3' : field.kind === 'date' ? '2026-12-01' : '玉门市新市区建设路88号'
  }
  const patched = await call(`/api/prereviews/${draft.id}`, { method: 'PATCH', body: { fields, delivery: { mode: 'hall' } } })
  assert.equal(patched.status, 200, JSON.stringify(patched.body))
  for (const material of draft.materials.filter((m: any) => m.slot.required)) {
    const form = new FormData()
    const jpeg = await drawJpeg(phone.page, 1600, 1200, material.slot.name)
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `${material.slot.key}.jpg`)
    const res = await fetch(`${stack.apiUrl}/api/prereviews/${draft.id}/materials/${material.slot.key}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${citizen.token}` },
      body: form,
    })
    assert.equal(res.status, 201, `upload ${material.slot.name}: ${res.status} ${await res.text()}`)
  }
  const submitted = await call(`/api/prereviews/${draft.id}/submit`, { method: 'POST', body: {} })
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body))

  const clerk = await staffOf(stack, found.department.id)
  const staffCall = (path: string, body: unknown, method = 'POST') => api(stack, path, { method, token: clerk.token, body })
  const queue = await api(stack, '/api/staff/prereviews?page=1&pageSize=50', { token: clerk.token })
  const part = queue.body.items.find((i: any) => i.prereviewId === draft.id)
  assert.ok(part, `the clerk's queue lists the part: ${JSON.stringify(queue.body)}`)
  const claimed = await staffCall(`/api/staff/prereviews/${part.partId}/claim`, {})
  assert.equal(claimed.status, 200, JSON.stringify(claimed.body))
  const materials = claimed.body.materials.filter((m: any) => m.files.length > 0)
  for (const [i, m] of materials.entries()) {
    const verdict = i === 0 ? { verdict: 'return', reason: '照片不清晰，请重新拍摄' } : { verdict: 'pass', reason: '' }
    const marked = await staffCall(`/api/staff/prereviews/${part.partId}/materials/${m.slot.key}`, verdict, 'PUT')
    assert.equal(marked.status, 200, JSON.stringify(marked.body))
  }
  const decided = await staffCall(`/api/staff/prereviews/${part.partId}/decision`, { decision: 'return', comment: '请按退回理由重新拍摄后提交。' })
  assert.equal(decided.status, 200, JSON.stringify(decided.body))
  return draft.id
}

let citizen: CitizenLogin

test('every message opens what it is about, and is read afterwards', { timeout: 300_000 }, async () => {
  citizen = await signInCitizen(stack, PHONE, { name: APPLICANT.name, idNumber: APPLICANT.idNumber })
  const clerk = await staffToken(stack, 'scjg.window')
  const expected: Record<string, { path: string; shows: string }> = {}

  await step(phone, 'the server’s own flows send the citizen five kinds of messages', async () => {
    // 办件: a walk-in case for the citizen's phone, accepted; 缴费: a fee order on it.
    const accepted = await acceptedCase(stack, clerk, APPLICANT)
    const fee = await issueFee(stack, clerk, accepted.caseId, [{ name: '证照工本费', unitFen: 1000, quantity: 1, unit: '本' }])
    // 评价: a finished case rated 不满意, verified and rectified with a reply.
    const done = await completedCase(stack, clerk, APPLICANT)
    assert.equal((await api(stack, '/api/cases', { token: citizen.token })).status, 200)
    const rated = await api(stack, '/api/ratings', {
      method: 'POST',
      token: citizen.token,
      body: { caseId: done.caseId, channel: 'mobile', level: 'dissatisfied', scores: { overall: 2 }, tags: ['slow'], text: '' },
    })
    assert.equal(rated.status, 201, `POST /api/ratings ${JSON.stringify(rated.body)}`)
    assert.equal((await api(stack, `/api/staff/ratings/${rated.body.id}/verify`, { method: 'POST', token: clerk, body: { note: '属实' } })).status, 200)
    const reply = '已增开窗口，感谢您的监督'
    const rectified = await api(stack, `/api/staff/ratings/${rated.body.id}/rectify`, { method: 'POST', token: clerk, body: { measures: '增开窗口', reply } })
    assert.equal(rectified.status, 200, JSON.stringify(rectified.body))
    // 预约: a booking of a free slot.
    const { availability } = await bookableMatter(stack, citizen.token)
    const slot = availability.days.flatMap((d: any) => (d.status === 'open' ? d.slots : [])).find((s: any) => s.remaining > 0)
    const booked = await api(stack, '/api/appointments', { method: 'POST', token: citizen.token, body: { slotId: slot.id } })
    assert.ok([200, 201].includes(booked.status), `POST /api/appointments ${JSON.stringify(booked.body)}`)
    // 预审: submitted and returned for correction.
    const prereviewId = await returnedPrereview(citizen)

    // What each page must show, from the API.
    const caseDetail = (await api(stack, `/api/cases/${accepted.caseId}`, { token: citizen.token })).body
    const order = (await api(stack, `/api/payments/${fee.id}`, { token: citizen.token })).body
    const rating = (await api(stack, `/api/ratings/${rated.body.id}`, { token: citizen.token })).body
    const appointment = (await api(stack, `/api/appointments/${booked.body.id}`, { token: citizen.token })).body
    const prereview = (await api(stack, `/api/prereviews/${prereviewId}`, { token: citizen.token })).body
    assert.equal(rating.reply?.text, reply)
    expected[`case:${accepted.caseId}`] = { path: '/packages/cases/pages/detail/index', shows: caseDetail.number }
    expected[`payment:${fee.id}`] = { path: '/packages/payment/pages/order/index', shows: order.noticeNumber }
    expected[`rating:${rated.body.id}`] = { path: '/packages/rating/pages/detail/index', shows: reply }
    expected[`appointment:${booked.body.id}`] = { path: '/packages/booking/pages/detail/index', shows: appointment.checkInCode.replace(/(.{4})(?=.)/g, '$1 ') }
    expected[`prereview:${prereviewId}`] = { path: '/packages/prereview/pages/detail/index', shows: prereview.number }
    for (const [key, value] of Object.entries(expected)) assert.ok(value.shows, `the API gives ${key} something to show`)
  })

  await step(phone, '我的 → 我的消息 lists each one unread; tapping opens its page; back, it is read', async () => {
    const listed = (await api(stack, '/api/notifications?page=1&pageSize=50', { token: citizen.token })).body
    await signedIn('citizen', citizen, '/pages/me/index')
    await currentPage(phone.page).locator('.nut-cell').filter({ hasText: '我的消息' }).first().click()
    await waitForRoute(phone.page, MESSAGES)
    const rows = currentPage(phone.page).locator('.message-row')
    await rows.first().waitFor()
    assert.equal(await rows.count(), listed.items.length, 'one row per message of GET /api/notifications')
    await phone.screenshot('01-messages')
    for (const [key, target] of Object.entries(expected)) {
      const index = listed.items.findIndex((n: any) => n.subject && `${n.subject.kind}:${n.subject.id}` === key)
      assert.ok(index >= 0, `a message about ${key}: ${JSON.stringify(listed.items.map((n: any) => n.subject))}`)
      const message = listed.items[index]
      assert.equal(message.read, false)
      const row = currentPage(phone.page).locator('.message-row').nth(index)
      assert.match((await row.getAttribute('class')) ?? '', /message-row--unread/, `${key} shows unread`)
      assert.ok((await row.innerText()).includes('未读'), `${key} says 未读 to a screen reader`)
      assert.ok((await textOf(row)).includes(message.title), `${key}: the row shows its title`)
      await row.click()
      await waitForRoute(phone.page, target.path)
      assert.equal(new URL(phone.page.url()).searchParams.get('id'), message.subject.id, `${key}: opened with its id`)
      await currentPage(phone.page).getByText(target.shows).first().waitFor()
      await phone.screenshot(`02-${message.subject.kind}`)
      await phone.page.goBack()
      await waitForRoute(phone.page, MESSAGES)
      const again = currentPage(phone.page).locator('.message-row').nth(index)
      await phone.page.waitForFunction(
        (el) => !!el && !el.classList.contains('message-row--unread'),
        await again.elementHandle(),
      )
      const now = (await api(stack, '/api/notifications?page=1&pageSize=50', { token: citizen.token })).body
      assert.equal(now.items.find((n: any) => n.id === message.id).read, true, `${key}: the server has it read`)
    }
  })

  assert.deepEqual(phone.problems, [], 'no page errors')
})

test('an admin sees the failed SMS on 消息发送记录; a window clerk does not', { timeout: 120_000 }, async () => {
  assert.ok(citizen, 'the first test gave the citizen messages')
  await step(phone, 'the rating reply’s SMS failed; the admin sees it on 消息发送记录 as the API says', async () => {
    const listed = (await api(stack, '/api/notifications?page=1&pageSize=50', { token: citizen.token })).body
    const replyMessage = listed.items.find((n: any) => n.kind === 'ratingReply')
    assert.ok(replyMessage, 'the citizen has the rating reply')
    const admin = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'admin', password: 'Paoyici@2026' } })
    assert.equal(admin.status, 200, JSON.stringify(admin.body))
    const failed = await api(stack, '/api/staff/notification-deliveries?status=failed', { token: admin.body.token })
    assert.equal(failed.status, 200, JSON.stringify(failed.body))
    const delivery = failed.body.items.find((d: any) => d.notificationId === replyMessage.id)
    assert.ok(delivery, `the failed deliveries include the rating reply's SMS: ${JSON.stringify(failed.body.items)}`)
    assert.equal(delivery.channel, 'sms')
    assert.ok(delivery.lastErrorCode, 'the API reports an error code')
    assert.equal(delivery.phoneMasked, `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`)

    await signedIn('staff', admin.body, '/packages/staff/pages/home/index')
    await nutButton(currentPage(phone.page), '消息发送记录').click()
    await waitForRoute(phone.page, DELIVERIES)
    const page = currentPage(phone.page)
    await page.locator('.delivery-row').first().waitFor()
    const filtered = phone.page.waitForResponse((r) => r.url().includes('/api/staff/notification-deliveries') && r.url().includes('status=failed'))
    await page.locator('.deliveries__chip').filter({ hasText: '发送失败' }).click()
    assert.equal((await filtered).status(), 200)
    await page.locator('.deliveries__chip--active').filter({ hasText: '发送失败' }).waitFor()
    const rows = page.locator('.delivery-row')
    await rows.first().waitFor()
    assert.equal(await rows.count(), failed.body.items.length, 'one row per failed delivery of the API')
    const row = rows.nth(failed.body.items.indexOf(delivery))
    const text = await textOf(row)
    for (const part of ['短信', '评价回复通知', '发送失败', `已尝试 ${delivery.attempts} 次`, delivery.phoneMasked, delivery.lastErrorCode, delivery.lastErrorMessage ?? '']) {
      assert.ok(text.includes(part), `the row shows ${part}: ${text}`)
    }
    assert.ok(!text.includes(PHONE), 'never the full phone')
    await phone.screenshot('03-deliveries-failed')
    await page.locator('.deliveries__chip').filter({ hasText: '已发送' }).click()
    await page.locator('.deliveries__chip--active').filter({ hasText: '已发送' }).waitFor()
    const sent = await api(stack, '/api/staff/notification-deliveries?status=sent', { token: admin.body.token })
    if (sent.body.total === 0) await page.getByText('暂无发送记录').waitFor()
    else assert.equal(await page.locator('.delivery-row').count(), sent.body.items.length)
  })

  await step(phone, 'a window clerk gets no link and the API refuses the list', async () => {
    const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'scjg.window', password: 'Paoyici@2026' } })
    assert.equal(login.status, 200)
    const refused = await api(stack, '/api/staff/notification-deliveries', { token: login.body.token })
    assert.equal(refused.status, 403, JSON.stringify(refused.body))
    assert.match(String(refused.body.message), /[\u4e00-\u9fa5]/, 'a Chinese sentence')
    await signedIn('staff', login.body, '/packages/staff/pages/home/index')
    await nutButton(currentPage(phone.page), '办件队列').waitFor()
    assert.equal(await nutButton(currentPage(phone.page), '消息发送记录').count(), 0, 'no 消息发送记录 for a clerk')
    await phone.screenshot('04-clerk-home')
  })
})
