/**
 * 投诉建议 on a phone, in the city app (dist/h5) against the real API on a
 * seeded database: a citizen, signed in by SMS, files a 投诉 about their own
 * case from the case page, with a photo chosen through the file chooser; the
 * first answer is lost on the way back, and the retry (same client key) makes
 * no second complaint. The department's window clerk finds it in 投诉建议
 * with the reply light, 受理, is refused a too-short reply beside the field,
 * and replies. The citizen gets the reply in the message centre, opens it and
 * rates it 满意. The 12345 hotline is a tel: link on every page.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { currentPage, inputNamed, nutButton, openPhoneBrowser, step, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { drawJpeg } from './support/prereviewCitizen'
import { completedCase, STAFF_PASSWORD, staffToken } from './support/ratings'
import { signInBySms } from './support/smsSignIn'
import { api, startStack, type Stack } from './support/stack'

const CITIZEN_PHONE = '13900071234'
const APPLICANT = { name: '赵小满', idNumber: '11010519491231002X', phone: CITIZEN_PHONE }
const CONTENT = '窗口工作人员态度生硬，材料要求没有一次性告知，让我多跑了两趟'
const REPLY = '经核实情况属实，已对窗口人员批评教育，并将材料清单张贴在窗口'
const NEW = '/packages/complaints/pages/new/index'
const DETAIL = '/packages/complaints/pages/detail/index'

let stack: Stack
let citizen: PhoneBrowser
let staff: PhoneBrowser

before(async () => {
  stack = await startStack()
  citizen = await openPhoneBrowser('complaint-journey')
  staff = await openPhoneBrowser('complaint-journey-staff')
})

after(async () => {
  await citizen?.close()
  await staff?.close()
  await stack?.close()
})

async function hotlineIsATelLink(browser: PhoneBrowser) {
  const link = currentPage(browser.page).locator('a.hotline-bar')
  await link.waitFor()
  assert.equal(await link.getAttribute('href'), 'tel:12345')
  assert.match(await textOf(link), /12345/)
}

test('a 投诉 with a photo is filed once, accepted, answered and rated', { timeout: 300_000 }, async () => {
  const window = await staffToken(stack, 'scjg.window')
  const myCase = await completedCase(stack, window, APPLICANT)
  let citizenToken = ''
  let complaintId = ''
  let complaintNumber = ''

  await step(citizen, 'the citizen signs in by SMS and opens 对此件投诉 on their case', async () => {
    const { page } = citizen
    citizenToken = await signInBySms(stack, page, CITIZEN_PHONE)
    await page.goto(`${stack.h5Url}/packages/cases/pages/detail/index?id=${myCase.caseId}`)
    await waitForRoute(page, '/packages/cases/pages/detail/index')
    await currentPage(page).locator('.case-complaint-entry').click()
    await waitForRoute(page, NEW)
    assert.equal(new URL(page.url()).searchParams.get('caseId'), myCase.caseId)
    await hotlineIsATelLink(citizen)
  })

  await step(citizen, 'kind, category, text and a photo; the draft survives a reload', async () => {
    const { page } = citizen
    let form = currentPage(page)
    await form.locator('.choice-chips--kind .choice-chips__chip--complaint').click()
    await form.locator('.choice-chips--category .choice-chips__chip--attitude').click()
    await form.locator('.complaint-new__content textarea').fill(CONTENT)
    assert.match(await textOf(form.locator('.complaint-links__value--case')), new RegExp(myCase.number))
    const jpeg = await drawJpeg(page, 1600, 1200, '窗口照片')
    const chooser = page.waitForEvent('filechooser')
    await form.locator('.photo-field__add').first().click()
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/complaints/photos')
    await (await chooser).setFiles({ name: 'window.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    assert.equal((await uploaded).status(), 201)
    await form.locator('.photo-field__tile--done').waitFor()
    await citizen.screenshot('new-complaint')

    await page.reload()
    await waitForRoute(page, NEW)
    form = currentPage(page)
    await form.locator('.photo-field__tile--done').waitFor()
    assert.equal(await form.locator('.complaint-new__content textarea').inputValue(), CONTENT)
    assert.equal(await form.locator('.choice-chips--category .choice-chips__chip--active').innerText(), '服务态度')
  })

  await step(citizen, 'the first answer is lost; the retry files the same complaint, and the detail shows its number', async () => {
    const { page } = citizen
    const form = currentPage(page)
    const bodies: string[] = []
    let lost = false
    await page.route('**/api/complaints', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      bodies.push(route.request().postData() ?? '')
      if (lost) return route.fallback()
      lost = true
      await route.fetch() // the server makes it…
      await route.abort('connectionreset') // …and the phone never hears back
    })
    await nutButton(form, '提交投诉').click()
    await form.locator('.complaint-new__error--form').waitFor()
    await citizen.screenshot('answer-lost')
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/complaints')
    await nutButton(form, '提交投诉').click()
    const response = await created
    assert.equal(response.status(), 200, 'the retry answers the complaint already made')
    await page.unroute('**/api/complaints')
    const body = await response.json()
    complaintId = body.id
    complaintNumber = body.number
    assert.equal(bodies.length, 2)
    assert.equal(JSON.parse(bodies[0]).clientKey, JSON.parse(bodies[1]).clientKey)
    assert.equal(body.case.id, myCase.caseId)
    assert.equal(body.photos.length, 1)
    await waitForRoute(page, DETAIL)
    const detail = currentPage(page)
    await detail.locator('.complaint-facts__number').waitFor()
    assert.equal(await textOf(detail.locator('.complaint-facts__number')), complaintNumber)
    assert.match(await textOf(detail.locator('.complaint-facts')), /待受理/)
    assert.equal(await detail.locator('.photo-strip__photo').count(), 1)
    await hotlineIsATelLink(citizen)
    const mine = await api(stack, '/api/complaints', { token: citizenToken })
    assert.equal(mine.body.total, 1, 'exactly one complaint on the server')
    assert.equal(mine.body.items[0].id, complaintId)
    await citizen.screenshot('filed')
  })

  await step(staff, 'the window clerk finds it in 投诉建议 with the light of the API, and accepts it', async () => {
    const { page } = staff
    await page.goto(`${stack.h5Url}/packages/staff/pages/login/index`)
    await waitForRoute(page, '/packages/staff/pages/login/index')
    const login = currentPage(page)
    await inputNamed(login, 'username').fill('scjg.window')
    await inputNamed(login, 'password').fill(STAFF_PASSWORD)
    await login.locator('.staff-login__submit').click()
    await waitForRoute(page, '/packages/staff/pages/home/index')
    await nutButton(currentPage(page), /^\s*投诉建议\s*$/).click()
    await waitForRoute(page, '/packages/staff/pages/complaints/index')
    const row = currentPage(page).locator('.complaint-row').filter({ hasText: complaintNumber })
    await row.waitFor()
    const listed = await api(stack, '/api/staff/complaints?open=true', { token: window })
    const item = listed.body.items.find((i: any) => i.id === complaintId)
    assert.ok(item, 'the API lists it for the department')
    assert.equal(await textOf(row.locator('.light-badge__label')), item.deadline.label)
    assert.match(await textOf(row), /投诉 · 服务态度/)
    assert.match(await textOf(row), new RegExp(item.citizenNameMasked.replace(/\*/g, '\\*')))
    await staff.screenshot('queue')
    await row.click()
    await waitForRoute(page, '/packages/staff/pages/complaint/index')
    const view = currentPage(page)
    await nutButton(view.locator('.complaint-actions'), '受理').click()
    await view.locator('.complaint-facts').filter({ hasText: '处理中' }).waitFor()
  })

  await step(staff, 'a too-short reply is refused beside the field; a real one is sent', async () => {
    const { page } = staff
    const view = currentPage(page)
    await nutButton(view.locator('.complaint-actions'), '答复').click()
    await view.locator('.complaint-actions__text textarea').fill('已处理')
    const sent = staff.apiRequests.length
    await nutButton(view.locator('.complaint-actions'), '提交答复').click()
    const error = view.locator('.complaint-actions .form-field__error')
    await error.waitFor()
    assert.match(await textOf(error), /至少10个字/)
    await page.waitForTimeout(300)
    assert.deepEqual(staff.apiRequests.slice(sent).filter((r) => r.startsWith('POST')), [], 'no POST for a short reply')
    await staff.screenshot('short-reply')
    await view.locator('.complaint-actions__text textarea').fill(REPLY)
    await nutButton(view.locator('.complaint-actions'), '提交答复').click()
    await view.locator('.complaint-facts').filter({ hasText: '已答复' }).waitFor()
    const detail = await api(stack, `/api/staff/complaints/${complaintId}`, { token: window })
    assert.equal(detail.body.status, 'replied')
    assert.equal(detail.body.reply.text, REPLY)
    await staff.screenshot('replied')
  })

  await step(citizen, 'the reply reaches the message centre and opens the complaint with it', async () => {
    const { page } = citizen
    await page.goto(`${stack.h5Url}/packages/cases/pages/messages/index`)
    await waitForRoute(page, '/packages/cases/pages/messages/index')
    const message = currentPage(page).locator('.message-row').first()
    await message.waitFor()
    const notes = await api(stack, '/api/notifications', { token: citizenToken })
    const note = notes.body.items[0]
    assert.equal(note?.kind, 'complaintReply', 'the newest message is the reply')
    assert.deepEqual(note.subject, { kind: 'complaint', id: complaintId })
    await citizen.screenshot('messages')
    await message.click()
    await waitForRoute(page, DETAIL)
    const detail = currentPage(page)
    await detail.locator('.complaint-reply').waitFor()
    assert.match(await textOf(detail.locator('.complaint-reply')), new RegExp(REPLY))
    await hotlineIsATelLink(citizen)
  })

  await step(citizen, '满意 is recorded once; the server agrees', async () => {
    const { page } = citizen
    const detail = currentPage(page)
    await detail.locator('.choice-chips--satisfaction .choice-chips__chip--satisfied').click()
    await detail.locator('.rate-reply__comment textarea').fill('处理及时')
    await nutButton(detail.locator('.rate-reply'), '提交评价').click()
    await detail.locator('.complaint-reply__satisfaction').waitFor()
    assert.match(await textOf(detail.locator('.complaint-reply__satisfaction')), /满意/)
    assert.equal(await detail.locator('.rate-reply').count(), 0)
    const server = await api(stack, `/api/complaints/${complaintId}`, { token: citizenToken })
    assert.equal(server.body.status, 'rated')
    assert.equal(server.body.rating.satisfaction, 'satisfied')
    assert.equal(server.body.rating.comment, '处理及时')
    assert.equal(server.body.canRate, false)
    await citizen.screenshot('rated')
  })

  await step(citizen, '我的 → 投诉建议 lists it with the hotline', async () => {
    const { page } = citizen
    await page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    await currentPage(page).locator('.nut-cell').filter({ hasText: '投诉建议' }).click()
    await waitForRoute(page, '/packages/complaints/pages/list/index')
    const row = currentPage(page).locator('.complaint-row').filter({ hasText: complaintNumber })
    await row.waitFor()
    assert.match(await textOf(row), /已评价/)
    await hotlineIsATelLink(citizen)
  })
})
