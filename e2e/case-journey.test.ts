/**
 * A case (办件) from the window to the citizen's phone, in the city app
 * (dist/h5) against the real API on a seeded database: a window clerk
 * registers a walk-in case (窗口收件), prints the receipt and accepts the
 * case; then, signed out, an anonymous visitor looks it up on the 进度 tab by
 * number and query password and sees the status, timeline and light — and no
 * personal data beyond the masked name.
 */
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { after, before, test } from 'node:test'
import { CASE_STATUSES, LIGHTS } from '../types/enums'
import { checkResidentId, maskName, maskPhone, RESIDENT_ID_MESSAGES } from '../types/validators'
import { currentPage, fieldOf, inputNamed, nutButton, openPhoneBrowser, step, storedSession, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { api, startStack, type Stack } from './support/stack'

const USERNAME = 'scjg.window'
const PASSWORD = 'Paoyici@2026'
const APPLICANT = '张三丰'
const ID_NUMBER = '11010519491231002X'
/** The same ID with a wrong check character. */
const BAD_ID_NUMBER = '110105194912310021'
const APPLICANT_PHONE = '13712345678'
const LOOKUP_FAILED = '办件编号或查询密码不正确'

/** The QR encoder the receipt draws with (qrcode's core, as components/QrCode uses it). */
const { create: createQr } = createRequire(import.meta.url)('qrcode/lib/core/qrcode') as {
  create(text: string, opts: { errorCorrectionLevel: string }): { modules: { size: number; data: ArrayLike<number> } }
}

let stack: Stack
let browser: PhoneBrowser

before(async () => {
  assert.equal(checkResidentId(ID_NUMBER), null, `test fixture ${ID_NUMBER} is a valid resident ID`)
  assert.equal(checkResidentId(BAD_ID_NUMBER), 'checksum', `test fixture ${BAD_ID_NUMBER} has a wrong check character`)
  stack = await startStack()
  browser = await openPhoneBrowser('case-journey')
})

after(async () => {
  await browser?.close()
  await stack?.close()
})

test('a clerk registers and accepts a walk-in case; an anonymous visitor looks it up on the 进度 tab', { timeout: 180_000 }, async () => {
  const { page } = browser
  let token = ''
  let matter: { id: string; name: string } = { id: '', name: '' }
  let caseId = ''
  let caseNumber = ''
  let queryPassword = ''

  await step(browser, 'the window clerk signs in from 我的 → 工作人员入口', async () => {
    await page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    await currentPage(page).locator('.me-staff-entry__link').click()
    await waitForRoute(page, '/packages/staff/pages/login/index')
    const login = currentPage(page)
    await inputNamed(login, 'username').fill(USERNAME)
    await inputNamed(login, 'password').fill(PASSWORD)
    await login.locator('.staff-login__submit').click()
    await waitForRoute(page, '/packages/staff/pages/home/index')
    const session = await storedSession(page)
    assert.equal(session.kind, 'staff')
    token = session.token
    const me = await api(stack, '/api/staff/me', { token })
    assert.equal(me.status, 200, `GET /api/staff/me ${JSON.stringify(me.body)}`)
    assert.equal(me.body.role, 'window', 'scjg.window is a window clerk')
    await browser.screenshot('staff-home')
  })

  await step(browser, '我的 offers 窗口收件 to staff; it opens the walk-in form', async () => {
    // The staff home is a subpackage page without the tab bar: back to 我的 as a fresh load.
    await page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    const me = currentPage(page)
    await me.locator('.staff-card').waitFor()
    await browser.screenshot('me-staff-card')
    await nutButton(me.locator('.staff-card'), '窗口收件').click()
    await waitForRoute(page, '/packages/staff/pages/walk-in/index')
    await currentPage(page).locator('.walk-in-form').waitFor()
  })

  await step(browser, 'an invalid ID number is refused beside the field and nothing is posted', async () => {
    const form = currentPage(page)
    // The picker starts on the department's first matter: open it and confirm.
    await form.locator('.walk-in-form__placeholder').click()
    const picker = page.locator('.weui-picker:visible')
    await picker.waitFor()
    await browser.screenshot('walk-in-picker')
    await picker.locator('.weui-picker__action').last().click()
    await picker.waitFor({ state: 'hidden' })
    const picked = await textOf(form.locator('.walk-in-form__picked'))
    const matters = (await api(stack, '/api/staff/matters?page=1&pageSize=50', { token })).body
    const found = matters.items.find((m: any) => m.name === picked)
    assert.ok(found, `the picked matter "${picked}" is one of the department's matters: ${matters.items.map((m: any) => m.name).join(', ')}`)
    matter = { id: found.id, name: found.name }
    // A limit of a working day or more keeps a case accepted just now at 正常 (yellow is ≤ 0.5 day left).
    assert.ok(found.promisedLimitDays >= 1, `the picked matter has a limit of at least a working day: ${found.promisedLimitDays}`)

    await inputNamed(form, 'applicantName').fill(APPLICANT)
    await inputNamed(form, 'applicantIdNumber').fill(BAD_ID_NUMBER)
    await inputNamed(form, 'applicantPhone').fill(APPLICANT_PHONE)
    const sent = browser.apiRequests.length
    await form.locator('.walk-in-form__submit').click()
    const idError = fieldOf(form, 'applicantIdNumber').locator('.form-field__error')
    await idError.waitFor()
    assert.equal(await textOf(idError), RESIDENT_ID_MESSAGES.checksum)
    assert.equal(await form.locator('.form-field__error').count(), 1, 'only the ID number is refused')
    await page.waitForTimeout(300)
    assert.deepEqual(browser.apiRequests.slice(sent).filter((r) => r.startsWith('POST')), [], 'no POST for an invalid ID number')
    assert.equal(new URL(page.url()).pathname, '/packages/staff/pages/walk-in/index', 'still on the form')
    const queue = (await api(stack, '/api/staff/cases?active=false', { token })).body
    assert.equal(queue.total, 0, 'the server registered nothing')
    await browser.screenshot('walk-in-bad-id')
  })

  await step(browser, 'a valid ID registers the case; the receipt shows number, password and QR code', async () => {
    const form = currentPage(page)
    await inputNamed(form, 'applicantIdNumber').fill(ID_NUMBER)
    await browser.screenshot('walk-in-form')
    const registered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/staff/cases')
    await form.locator('.walk-in-form__submit').click()
    const response = await registered
    assert.equal(response.status(), 200, `POST /api/staff/cases answered ${response.status()}`)
    const body = await response.json()
    await waitForRoute(page, '/packages/staff/pages/receipt/index')

    const receipt = currentPage(page)
    await receipt.locator('.receipt').waitFor()
    const facts = await receipt.locator('.receipt__value').allInnerTexts()
    caseNumber = facts[0].trim()
    queryPassword = (await textOf(receipt.locator('.receipt__value--password'))).trim()
    caseId = body.case.id
    assert.equal(caseNumber, body.case.number, 'the receipt shows the registered case number')
    assert.equal(queryPassword, body.queryPassword, 'the receipt shows the query password the server returned')
    assert.ok(caseNumber.length > 0 && queryPassword.length > 0)
    assert.equal(await textOf(receipt.locator('.receipt__matter')), matter.name)
    const receiptText = await textOf(receipt)
    assert.ok(receiptText.includes(maskName(APPLICANT)), `masked applicant in: ${receiptText}`)
    assert.ok(!receiptText.includes(APPLICANT) && !receiptText.includes(ID_NUMBER), 'the receipt shows no full name or ID number')

    // The server has the case, received, in the clerk's department.
    const detail = await api(stack, `/api/staff/cases/${caseId}`, { token })
    assert.equal(detail.status, 200)
    assert.equal(detail.body.number, caseNumber)
    assert.equal(detail.body.status, 'received')
    assert.equal(detail.body.matter.id, matter.id)
    assert.equal(detail.body.applicantNameMasked, maskName(APPLICANT))
    assert.equal(detail.body.deadline, null, 'no deadline before acceptance')

    // The QR code is the receipt code PYC1:<number>:<password>, drawn module by module.
    const expected = createQr(`PYC1:${caseNumber}:${queryPassword}`, { errorCorrectionLevel: 'M' }).modules
    const drawn = await receipt.locator('.qr-code__row').evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.children).map((cell) => ({ dark: cell.className.includes('qr-code__dark'), percent: parseFloat((cell as HTMLElement).style.width) })),
      ),
    )
    assert.equal(drawn.length, expected.size, `one row per QR module row (${expected.size})`)
    for (let r = 0; r < expected.size; r++) {
      const runs: Array<{ dark: boolean; length: number }> = []
      let c = 0
      while (c < expected.size) {
        const dark = expected.data[r * expected.size + c] === 1
        let length = 0
        while (c < expected.size && (expected.data[r * expected.size + c] === 1) === dark) {
          length++
          c++
        }
        runs.push({ dark, length })
      }
      // A run of n modules is drawn n/size of the row wide.
      const modules = drawn[r].map((cell) => ({ dark: cell.dark, length: Math.round((cell.percent / 100) * expected.size) }))
      assert.deepEqual(modules, runs, `QR row ${r} matches the code for the number and password`)
    }
    const qrBox = await receipt.locator('.qr-code').boundingBox()
    assert.ok(qrBox && qrBox.width > 100 && qrBox.height > 100, `the QR code is drawn at a scannable size: ${JSON.stringify(qrBox)}`)
    await browser.screenshot('receipt')
    await receipt.locator('.qr-code').scrollIntoViewIfNeeded()
    await browser.screenshot('receipt-qr')
  })

  await step(browser, '办理此件 → 受理 gives the case a deadline and a light', async () => {
    await nutButton(currentPage(page), '办理此件').click()
    await waitForRoute(page, '/packages/staff/pages/case/index')
    assert.equal(new URL(page.url()).searchParams.get('id'), caseId, 'the case page is for the registered case')
    const view = currentPage(page)
    await view.locator('.staff-case__status-label').waitFor()
    assert.equal(await textOf(view.locator('.staff-case__status-label')), CASE_STATUSES.received)
    assert.equal(await view.locator('.light-badge').count(), 0, 'no light before acceptance')
    await browser.screenshot('staff-case-received')

    // 受理 exactly (not 不受理 / 不予受理), then confirm the modal.
    await nutButton(view.locator('.action-panel'), /^\s*受理\s*$/).click()
    const modal = page.locator('.taro-modal__content:visible')
    await modal.waitFor()
    assert.match(await textOf(modal), /受理/)
    await modal.locator('.taro-model__confirm').click()
    await view.locator('.staff-case__status-label').filter({ hasText: CASE_STATUSES.accepted }).waitFor()

    const detail = await api(stack, `/api/staff/cases/${caseId}`, { token })
    assert.equal(detail.status, 200)
    assert.equal(detail.body.status, 'accepted', 'the server recorded 受理')
    assert.ok(detail.body.acceptedAt, 'acceptedAt is set')
    assert.ok(detail.body.deadline, 'the accepted case has a deadline')
    const { deadline } = detail.body
    assert.equal(await textOf(view.locator('.light-badge__light')), LIGHTS[deadline.light as keyof typeof LIGHTS])
    assert.equal(await textOf(view.locator('.light-badge__label')), deadline.label)
    const statuses = await view.locator('.case-timeline__status').allInnerTexts()
    assert.deepEqual(statuses, [CASE_STATUSES.accepted, CASE_STATUSES.received], 'timeline newest first')
    await browser.screenshot('staff-case-accepted')
  })

  await step(browser, 'signing out leaves an anonymous visitor on the 进度 tab', async () => {
    await page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    const me = currentPage(page)
    await me.locator('.staff-card').waitFor()
    await nutButton(me.locator('.staff-card'), '退出登录').click()
    const modal = page.locator('.taro-modal__content:visible')
    await modal.waitFor()
    await modal.locator('.taro-model__confirm').click()
    await me.locator('.me-guest').waitFor()
    assert.equal(await page.evaluate(() => localStorage.getItem('paoyici.session')), null, 'no session stored')
    await page.locator('.weui-tabbar__item').filter({ hasText: '进度' }).click()
    await waitForRoute(page, '/pages/progress/index')
    await currentPage(page).locator('.lookup-form').waitFor()
    await browser.screenshot('progress-anonymous')
  })

  await step(browser, 'a wrong password shows the server’s message and stays on the form', async () => {
    const form = currentPage(page).locator('.lookup-form')
    await inputNamed(form, 'number').fill(caseNumber)
    await inputNamed(form, 'password').fill(`${queryPassword}9`)
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases/lookup')
    await nutButton(form, '查询').first().click()
    const response = await answered
    assert.equal(response.status(), 404, 'the server refuses the wrong password')
    assert.equal((await response.json()).message, LOOKUP_FAILED)
    const error = form.locator('.lookup-form__error')
    await error.waitFor()
    assert.equal(await textOf(error), LOOKUP_FAILED)
    assert.equal(new URL(page.url()).pathname, '/pages/progress/index', 'still on the 进度 tab')
    await browser.screenshot('lookup-wrong-password')
  })

  await step(browser, 'the right password shows status, timeline, light and only the masked name', async () => {
    const form = currentPage(page).locator('.lookup-form')
    await inputNamed(form, 'password').fill(queryPassword)
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases/lookup')
    await nutButton(form, '查询').first().click()
    const response = await answered
    assert.equal(response.status(), 200)
    const shown = await response.json()
    await waitForRoute(page, '/packages/cases/pages/lookup/index')

    // What the API answers for the same number and password.
    const lookup = await api(stack, '/api/cases/lookup', { method: 'POST', body: { number: caseNumber, password: queryPassword } })
    assert.equal(lookup.status, 200, `POST /api/cases/lookup ${JSON.stringify(lookup.body)}`)
    const progress = lookup.body
    assert.deepEqual(shown, progress, 'the app got the same answer as the API')
    assert.equal(progress.number, caseNumber)
    assert.equal(progress.status, 'accepted')
    assert.equal(progress.applicantNameMasked, maskName(APPLICANT))
    assert.equal(progress.matterName, matter.name)
    assert.ok(progress.deadline, 'the answer carries the deadline')
    assert.equal(progress.deadline.light, 'green', 'a case accepted just now is within its limit')

    const result = currentPage(page)
    await result.locator('.lookup-result').waitFor()
    assert.equal(await textOf(result.locator('.lookup-result__matter')), progress.matterName)
    assert.equal(await textOf(result.locator('.lookup-result__status-label')), CASE_STATUSES.accepted)
    const head = await textOf(result.locator('.lookup-result'))
    assert.ok(head.includes(caseNumber), `case number in: ${head}`)
    assert.ok(head.includes(progress.departmentName), `department in: ${head}`)
    assert.ok(head.includes(`申请人 ${maskName(APPLICANT)}`), `masked applicant in: ${head}`)
    assert.equal(await textOf(result.locator('.light-badge__light')), LIGHTS.green)
    assert.equal(await textOf(result.locator('.light-badge__label')), progress.deadline.label)
    // 剩余1个工作日 out of office hours, 剩余6.9小时 a minute into them (server/src/domain/calendar/light.ts).
    assert.match(progress.deadline.label, /^剩余/, 'the label says the remaining time')
    const statuses = await result.locator('.case-timeline__status').allInnerTexts()
    assert.deepEqual(statuses, [CASE_STATUSES.accepted, CASE_STATUSES.received], 'timeline 已受理 over 已接件')
    assert.equal(statuses.length, progress.steps.length, 'one timeline row per step')

    // No personal data beyond the masked name (not even the masked phone), on the page or anywhere in the document.
    const pageText = await textOf(result)
    const documentText = await page.evaluate(() => document.body.innerText)
    for (const secret of [APPLICANT, APPLICANT_PHONE, maskPhone(APPLICANT_PHONE), ID_NUMBER]) {
      assert.ok(!pageText.includes(secret), `the answer page does not show "${secret}"`)
      assert.ok(!documentText.includes(secret), `the document does not contain "${secret}"`)
      assert.ok(!JSON.stringify(progress).includes(secret), `the lookup answer does not carry "${secret}"`)
    }
    await browser.screenshot('lookup-result')
  })

  assert.deepEqual(browser.problems.filter((p) => !/status of (401|403|404)\b/.test(p)), [], 'no page errors, console errors or 5xx responses')
})
