/**
 * Appointments (预约) in the city app (dist/h5) on two phones: a citizen books
 * a slot from a service guide and sees the check-in QR code; at the hall the
 * window clerk types the code in 预约签到, which issues a queue number, and
 * the citizen's booking page shows that number without any tap.
 */
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { after, before, test } from 'node:test'
import { bookableMatter, moveBookingToNow, signInCitizen, staffOf, storedSessionValue } from './support/appointments'
import { currentPage, inputNamed, nutButton, openPhoneBrowser, step, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { api, startStack, type Stack } from './support/stack'

const PHONE = '13912340001'
const REAL_NAME = { name: '王小明', idNumber: '11010519491231002X' }

/** The QR encoder the booking page draws with (qrcode's core). */
const { create: createQr } = createRequire(import.meta.url)('qrcode/lib/core/qrcode') as {
  create(text: string, opts: { errorCorrectionLevel: string }): { modules: { size: number; data: ArrayLike<number> } }
}

let stack: Stack
let citizen: PhoneBrowser
let clerk: PhoneBrowser

before(async () => {
  stack = await startStack()
  citizen = await openPhoneBrowser('booking-journey')
  clerk = await openPhoneBrowser('booking-journey-staff')
})

after(async () => {
  await citizen?.close()
  await clerk?.close()
  await stack?.close()
})

/** Opens the app once, stores a session as SessionStore would, and opens `path` with it. */
async function signedIn(browser: PhoneBrowser, session: string, path: string): Promise<void> {
  await browser.page.goto(`${stack.h5Url}/pages/home/index`)
  await browser.page.evaluate((value) => localStorage.setItem('paoyici.session', JSON.stringify({ data: value })), session)
  await browser.page.goto(`${stack.h5Url}${path}`)
  await waitForRoute(browser.page, path.split('?')[0])
}

test('book → QR code → the clerk types the code in → the citizen sees the queue number', { timeout: 180_000 }, async () => {
  const login = await signInCitizen(stack, PHONE, REAL_NAME)
  const { matterId, availability } = await bookableMatter(stack, login.token)
  let appointment: any
  let chosenTime = ''

  await step(citizen, 'the guide offers 预约, which lists the days and the live counts', async () => {
    await signedIn(citizen, storedSessionValue('citizen', login), `/packages/guide/pages/detail/index?id=${matterId}`)
    const guide = currentPage(citizen.page)
    await nutButton(guide, '预约').click()
    await waitForRoute(citizen.page, '/packages/booking/pages/book/index')
    const book = currentPage(citizen.page)
    await book.locator('.slot-list__slot').first().waitFor()
    assert.equal(await book.locator('.day-picker__day').count(), availability.days.length, 'one chip per bookable day')
    const day = availability.days.find((d: any) => d.status === 'open')
    assert.ok((await textOf(book.locator('.day-picker__day--chosen'))).includes(`余${day.remaining}`), 'the first open day is chosen with its remaining count')
    const remaining = await book.locator('.slot-list__remaining').allInnerTexts()
    assert.deepEqual(remaining, day.slots.map((s: any) => (s.remaining === 0 ? '已约满' : `剩余${s.remaining}个`)), 'each slot shows the server’s remaining count')
    assert.ok((await textOf(book)).includes(availability.hall.name), 'the hall is named')
    await citizen.screenshot('book-days-and-slots')
  })

  await step(citizen, 'booking a slot opens the booking with its check-in QR code', async () => {
    const book = currentPage(citizen.page)
    const slot = book.locator('.slot-list__slot:not(.slot-list__slot--full)').first()
    chosenTime = (await textOf(slot.locator('.slot-list__time'))).replace(/\s/g, '')
    await slot.click()
    await book.locator('.slot-list__slot--chosen').waitFor()
    await citizen.screenshot('book-slot-chosen')
    await nutButton(book, '确认预约').click()
    await waitForRoute(citizen.page, '/packages/booking/pages/detail/index')
    const id = new URL(citizen.page.url()).searchParams.get('id')
    assert.ok(id, `the booking page URL carries its id: ${citizen.page.url()}`)
    const mine = await api(stack, `/api/appointments/${id}`, { token: login.token })
    assert.equal(mine.status, 200, `GET /api/appointments/:id ${JSON.stringify(mine.body)}`)
    appointment = mine.body
    assert.equal(appointment.status, 'booked')
    assert.equal(`${appointment.startTime}–${appointment.endTime}`, chosenTime, 'the server booked the chosen slot')

    const detail = currentPage(citizen.page)
    await detail.locator('.check-in-card__code').waitFor()
    assert.equal((await textOf(detail.locator('.check-in-card__code'))).replace(/\s/g, ''), appointment.checkInCode)
    const expected = createQr(appointment.checkInPayload, { errorCorrectionLevel: 'M' }).modules
    const drawn = await detail.locator('.qr-code__row').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => ({ dark: cell.className.includes('qr-code__dark'), percent: parseFloat((cell as HTMLElement).style.width) }))),
    )
    assert.equal(drawn.length, expected.size, 'one row per QR module row')
    for (let r = 0; r < expected.size; r++) {
      const modules = drawn[r].flatMap((cell) => Array<number>(Math.round((cell.percent / 100) * expected.size)).fill(cell.dark ? 1 : 0))
      assert.deepEqual(modules, Array.from(expected.data).slice(r * expected.size, (r + 1) * expected.size), `QR row ${r} is the check-in payload`)
    }
    const qrBox = await detail.locator('.qr-code').boundingBox()
    assert.ok(qrBox && qrBox.width > 100, `the QR code is drawn at a scannable size: ${JSON.stringify(qrBox)}`)
    assert.ok((await textOf(detail)).includes('前可以改约或取消'), 'the cancel cut-off is shown')
    await citizen.screenshot('booking-qr')
  })

  // Bookings start on the next working day; the hall checks in only on the day itself.
  await moveBookingToNow(stack, appointment.id)
  const staff = await staffOf(stack, availability.department.id)

  await step(clerk, 'the window clerk types the code in and the booking gets a queue number', async () => {
    await signedIn(clerk, storedSessionValue('staff', staff), '/packages/staff/pages/home/index')
    await nutButton(currentPage(clerk.page), '预约签到').click()
    await waitForRoute(clerk.page, '/packages/staff/pages/hall-day/index')
    const desk = currentPage(clerk.page)
    await desk.locator('.day-list__row').first().waitFor()
    assert.ok((await textOf(desk.locator('.day-list'))).includes(appointment.matter.name), 'today’s list has the booking')
    await inputNamed(desk, 'checkInCode').fill(appointment.checkInCode.toLowerCase())
    await nutButton(desk, '签到取号').first().click()
    await desk.locator('.check-in-panel__queue').waitFor()
    const view = await api(stack, `/api/staff/appointments/${appointment.id}`, { token: staff.token })
    assert.equal(view.status, 200, `GET /api/staff/appointments/:id ${JSON.stringify(view.body)}`)
    assert.equal(view.body.status, 'checkedIn')
    assert.match(view.body.queueNumber, /^[A-Z]\d{3,}$/)
    assert.equal(await textOf(desk.locator('.check-in-panel__queue')), view.body.queueNumber, 'the clerk sees the issued number')
    appointment.queueNumber = view.body.queueNumber
    await clerk.screenshot('checked-in')
  })

  await step(citizen, 'the citizen’s booking shows the queue number by itself', async () => {
    const detail = currentPage(citizen.page)
    // Read again every 30 s before the day of the visit (the booking was moved to today behind the page's back), every 5 s on the day.
    await detail.locator('.queue-ticket__number').waitFor({ timeout: 45_000 })
    assert.equal(await textOf(detail.locator('.queue-ticket__number')), appointment.queueNumber)
    assert.equal(await detail.locator('.qr-code').count(), 0, 'the QR code is gone once checked in')
    await citizen.screenshot('queue-number')
  })

  await step(citizen, '我的 → 我的预约 lists the booking with its queue number', async () => {
    await citizen.page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(citizen.page, '/pages/me/index')
    await currentPage(citizen.page).locator('.nut-cell').filter({ hasText: '我的预约' }).click()
    await waitForRoute(citizen.page, '/packages/booking/pages/mine/index')
    const row = currentPage(citizen.page).locator('.my-bookings__row').first()
    await row.waitFor()
    const text = await textOf(row)
    assert.ok(text.includes(appointment.matter.name) && text.includes('已签到') && text.includes(`排队号 ${appointment.queueNumber}`), `the row: ${text}`)
    await citizen.screenshot('my-bookings')
  })

  await step(clerk, 'the department lead lowers a slot’s capacity and sees what the server changed', async () => {
    const lead = await staffOf(stack, availability.department.id, 'lead')
    await signedIn(clerk, storedSessionValue('staff', lead), '/packages/staff/pages/home/index')
    await nutButton(currentPage(clerk.page), '预约时段').click()
    await waitForRoute(clerk.page, '/packages/staff/pages/slots/index')
    const settings = currentPage(clerk.page)
    // The first service of the hall, its first weekday: the lead's own department's templates.
    const row = settings.locator('.template-list__row').first()
    await row.waitFor()
    const input = row.locator('input').first()
    const templateId = ((await row.locator('[name^="capacity-"]').first().getAttribute('name')) ?? '').replace('capacity-', '')
    assert.ok(templateId, 'the row names its template')
    await input.fill('1')
    const patched = clerk.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/staff/appointments/templates/${templateId}`))
    await nutButton(row, '改人数').click()
    const change = await (await patched).json()
    assert.equal(change.template.capacity, 1, `PATCH answered ${JSON.stringify(change)}`)
    await row.locator('.template-list__change').waitFor()
    assert.ok((await textOf(row.locator('.template-list__change'))).includes(`已调整 ${change.affectedSlots} 个未来时段`), 'the server’s count is shown')
    assert.ok((await textOf(row)).includes('每时段 1 人'), 'the row shows the new capacity')
    const templates = await api(stack, `/api/staff/appointments/templates?matterId=${change.template.matter.id}`, { token: lead.token })
    assert.equal(templates.body.items.find((t: any) => t.id === templateId)?.capacity, 1, 'the server kept the new capacity')
    await clerk.screenshot('capacity-changed')
  })

  for (const browser of [citizen, clerk]) {
    assert.deepEqual(browser.problems.filter((p) => !/401|403/.test(p)), [], 'no page errors, console errors or 5xx responses')
  }
})
