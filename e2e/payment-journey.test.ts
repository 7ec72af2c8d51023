/**
 * Payment (缴费) in the city app (dist/h5) on a phone: the window clerk issues
 * a fee order (开具缴费单) on a case; the citizen sees 待缴费 on the case,
 * opens the order, pays on WeChat Pay's H5 cashier (the simulator's page,
 * 确认支付), comes back to the result page, which re-reads the order, and
 * opens the receipt (电子票据). On a desktop browser the same order is paid by
 * scanning a QR code: the page polls the order until it is paid.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { chromium } from 'playwright-core'
import { signInCitizen, staffOf, storedSessionValue } from './support/appointments'
import { artifactsDir, currentPage, inputNamed, settle, nutButton, openPhoneBrowser, step, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { acceptedCase, issueFee, windowClerk } from './support/payments'
import { api, startStack, type Stack } from './support/stack'

const PHONE = '13912340061'
const REAL_NAME = { name: '钱多多', idNumber: '11010519491231002X' }
const RESULT_PATH = '/packages/payment/pages/result/index'

let stack: Stack
let citizen: PhoneBrowser
let clerk: PhoneBrowser

before(async () => {
  stack = await startStack({ payReturnToApp: true })
  citizen = await openPhoneBrowser('payment-journey')
  clerk = await openPhoneBrowser('payment-journey-staff')
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

test('staff issues a fee → the citizen pays on the H5 cashier → receipt', { timeout: 180_000 }, async () => {
  const login = await signInCitizen(stack, PHONE, REAL_NAME)
  const staff = await windowClerk(stack)
  const { caseId, number } = await acceptedCase(stack, staff.token, { ...REAL_NAME, phone: PHONE })
  let orderId = ''
  let order: any
  // The simulator's cashier has no favicon; every other missing resource is a failure.
  const missing: string[] = []
  citizen.page.on('response', (response) => {
    if (response.status() === 404 && !response.url().endsWith('/favicon.ico')) missing.push(response.url())
  })

  await step(clerk, 'the staff case page opens 开具缴费单; the clerk issues a fee order', async () => {
    await signedIn(clerk, storedSessionValue('staff', staff), `/packages/staff/pages/case/index?id=${caseId}`)
    await nutButton(currentPage(clerk.page), '开具缴费单').click()
    await waitForRoute(clerk.page, '/packages/staff/pages/fee-order/index')
    const page = currentPage(clerk.page)
    await inputNamed(page, 'name-0').waitFor()
    await inputNamed(page, 'name-0').fill('证照工本费')
    await inputNamed(page, 'yuan-0').fill('12.5')
    await inputNamed(page, 'quantity-0').fill('2')
    await clerk.screenshot('fee-form')
    await nutButton(page, /开具缴费单（合计/).click()
    await page.locator('.staff-fee-row').first().waitFor()
    const list = await api(stack, `/api/staff/payments?caseId=${caseId}`, { token: staff.token })
    assert.equal(list.status, 200)
    assert.equal(list.body.items.length, 1, 'one order, made once')
    order = list.body.items[0]
    orderId = order.id
    const detail = await api(stack, `/api/staff/payments/${orderId}`, { token: staff.token })
    assert.deepEqual(detail.body.items[0], { name: '证照工本费', unitFen: 1250, quantity: 2, unit: detail.body.items[0].unit })
    const row = await textOf(page.locator('.staff-fee-row').first())
    assert.match(row, new RegExp(order.noticeNumber))
    assert.match(row, /待缴费/)
    assert.ok(row.includes(`¥${(order.amountFen / 100).toFixed(2)}`), `row shows the amount: ${row}`)
    await clerk.screenshot('fee-issued')
  })

  await step(citizen, 'the case shows 待缴费 with the amount; the order shows number, lines and deadline', async () => {
    await signedIn(citizen, storedSessionValue('citizen', login), `/packages/cases/pages/detail/index?id=${caseId}`)
    const detail = currentPage(citizen.page)
    const entry = detail.locator('.payment-entry')
    await entry.waitFor()
    const text = await textOf(entry)
    assert.match(text, /待缴费/)
    assert.ok(text.includes(`¥${(order.amountFen / 100).toFixed(2)}`), text)
    assert.ok(text.includes(order.noticeNumber), text)
    await citizen.screenshot('case-due')
    await entry.locator('.payment-entry__row').first().click()
    await waitForRoute(citizen.page, '/packages/payment/pages/order/index')
    const page = currentPage(citizen.page)
    await page.locator('.fee-facts').waitFor()
    const facts = await textOf(page)
    for (const expected of [order.noticeNumber, order.deadline, '证照工本费', `¥${(order.amountFen / 100).toFixed(2)}`, '待缴费', number]) {
      assert.ok(facts.includes(expected), `the order page shows ${expected}: ${facts}`)
    }
    await citizen.screenshot('order')
  })

  await step(citizen, '立即缴费 goes to WeChat Pay’s H5 cashier; 确认支付 returns to the result page', async () => {
    await nutButton(currentPage(citizen.page), /立即缴费/).click()
    await citizen.page.waitForURL((url) => url.origin !== new URL(stack.h5Url!).origin, { timeout: 15_000 })
    const payButton = citizen.page.locator('button', { hasText: '确认支付' })
    await payButton.waitFor()
    await citizen.screenshot('cashier')
    await payButton.click()
    await waitForRoute(citizen.page, RESULT_PATH)
    assert.equal(new URL(citizen.page.url()).searchParams.get('orderId'), orderId)
    const result = currentPage(citizen.page)
    await result.locator('.pay-result__title', { hasText: '缴费成功' }).waitFor({ timeout: 20_000 })
    const server = await api(stack, `/api/payments/${orderId}`, { token: login.token })
    assert.equal(server.body.status, 'paid')
    assert.ok(server.body.transactionId)
    order = server.body
    await citizen.screenshot('paid')
  })

  await step(citizen, 'the receipt (电子票据) shows the payment as the server has it', async () => {
    await nutButton(currentPage(citizen.page), '查看电子票据').click()
    await waitForRoute(citizen.page, '/packages/payment/pages/receipt/index')
    const page = currentPage(citizen.page)
    await page.locator('.pay-receipt').waitFor()
    const receipt = await api(stack, `/api/payments/${orderId}/receipt`, { token: login.token })
    assert.equal(receipt.status, 200)
    const text = await textOf(page.locator('.pay-receipt'))
    for (const expected of ['缴费电子票据', receipt.body.noticeNumber, receipt.body.transactionId, receipt.body.departmentName, receipt.body.payerName, '微信支付（H5）', `¥${(receipt.body.amountFen / 100).toFixed(2)}`]) {
      assert.ok(text.includes(expected), `the receipt shows ${expected}: ${text}`)
    }
    assert.ok(!text.includes(REAL_NAME.name), 'the payer name is masked')
    await citizen.screenshot('receipt')
  })

  await step(citizen, 'back on the case: the order is listed as 已缴费, nothing is due', async () => {
    await citizen.page.goto(`${stack.h5Url}/packages/cases/pages/detail/index?id=${caseId}`)
    await waitForRoute(citizen.page, '/packages/cases/pages/detail/index')
    const entry = currentPage(citizen.page).locator('.payment-entry')
    await entry.locator('.payment-entry__title', { hasText: '缴费记录' }).waitFor()
    assert.match(await textOf(entry), /已缴费/)
    assert.doesNotMatch(await textOf(entry), /待缴费|去缴费/)
  })
  assert.deepEqual(missing, [], 'no missing resources')
  assert.deepEqual(citizen.problems.filter((p) => !/status of 404/.test(p)), [], 'no page errors')
})

test('desktop: 立即缴费 shows a QR code; scanned at WeChat Pay, the polled page turns 已缴费', { timeout: 120_000 }, async () => {
  const phone = '13912340062'
  const desktopUser = { name: '周桌面', idNumber: '110105199003071239' }
  const login = await signInCitizen(stack, phone, desktopUser)
  const staff = await windowClerk(stack)
  const { caseId } = await acceptedCase(stack, staff.token, { ...desktopUser, phone })
  assert.equal((await api(stack, '/api/cases', { token: login.token })).status, 200)
  const order = await issueFee(stack, staff.token, caseId, [{ name: '证书工本费', unitFen: 3000, quantity: 1, unit: '每本' }])

  const profile = mkdtempSync(join(tmpdir(), 'pyc-e2e-desktop-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const reads: number[] = []
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/payments/${order.id}`) reads.push(Date.now())
    })
    await page.goto(`${stack.h5Url}/pages/home/index`)
    await page.evaluate((value) => localStorage.setItem('paoyici.session', JSON.stringify({ data: value })), storedSessionValue('citizen', login))
    await page.goto(`${stack.h5Url}/packages/payment/pages/order/index?id=${order.id}`)
    await waitForRoute(page, '/packages/payment/pages/order/index')
    const view = currentPage(page)
    await nutButton(view, /立即缴费 ¥30.00/).click()
    const qr = view.locator('.qr-code')
    await qr.waitFor()
    const codeUrl = await qr.getAttribute('data-text')
    assert.match(codeUrl ?? '', /^weixin:\/\/wxpay\/bizpayurl\?pr=/, 'the QR code is WeChat Pay’s code_url')
    assert.match(await textOf(view), /请使用微信扫一扫支付/)
    assert.match(await textOf(view), /支付确认中/, 'a started payment never reads as 待缴费')
    await settle(page)
    await page.screenshot({ path: join(artifactsDir, 'payment-journey', '06-desktop-qr.png') })

    const scanned = await fetch(`${stack.pay.url}/__sim/native/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ codeUrl }) })
    assert.equal(scanned.status, 200, await scanned.text())
    await view.locator('.fee-order__status', { hasText: '已缴费' }).waitFor({ timeout: 15_000 })
    await nutButton(view, '查看电子票据').waitFor()
    assert.equal(await view.locator('.qr-code').count(), 0, 'the QR code is gone once paid')
    assert.ok(reads.length >= 2, `the page polled the order (${reads.length} reads)`)
    const count = reads.length
    await page.waitForTimeout(4_000)
    assert.equal(reads.length, count, 'polling stopped once paid')
    assert.equal((await api(stack, `/api/payments/${order.id}`, { token: login.token })).body.status, 'paid')
    await page.screenshot({ path: join(artifactsDir, 'payment-journey', '07-desktop-paid.png') })
  } finally {
    await context.close().catch(() => undefined)
    rmSync(profile, { recursive: true, force: true })
  }
})
