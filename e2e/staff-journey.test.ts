/**
 * A department lead in the city app (dist/h5): signs in from 我的 → 工作人员入口,
 * sees only their department's matters, edits a guide's 咨询电话, and the
 * change is saved on the server and shown to citizens.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { currentPage, fieldOf, inputNamed, nutButton, openPhoneBrowser, step, storedSession, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { api, startStack, type Stack } from './support/stack'

const USERNAME = 'scjg.lead'
const PASSWORD = 'Paoyici@2026'
const NEW_PHONE = '0937-3210987'

let stack: Stack
let browser: PhoneBrowser

before(async () => {
  stack = await startStack()
  browser = await openPhoneBrowser('staff-journey')
})

after(async () => {
  await browser?.close()
  await stack?.close()
})

test('a department lead lists own matters and edits a guide phone', { timeout: 120_000 }, async () => {
  const { page } = browser
  let token = ''
  let departmentName = ''
  let matterId = ''

  await step(browser, '我的 → 工作人员入口 opens the staff sign-in', async () => {
    await page.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    await currentPage(page).locator('.me-staff-entry__link').click()
    await waitForRoute(page, '/packages/staff/pages/login/index')
    await browser.screenshot('staff-login')
  })

  await step(browser, 'a wrong password is refused with a message and no session', async () => {
    const login = currentPage(page)
    await inputNamed(login, 'username').fill(USERNAME)
    await inputNamed(login, 'password').fill('not-the-password')
    await login.locator('.staff-login__submit').click()
    await login.locator('.staff-login__error').waitFor()
    assert.ok((await textOf(login.locator('.staff-login__error'))).length > 0, 'an error message is shown')
    assert.equal(new URL(page.url()).pathname, '/packages/staff/pages/login/index', 'still on the sign-in page')
    assert.equal(await page.evaluate(() => localStorage.getItem('paoyici.session')), null, 'no session stored')
    await browser.screenshot('staff-login-refused')
  })

  await step(browser, 'signing in shows the staff home with only the own department', async () => {
    const login = currentPage(page)
    await inputNamed(login, 'password').fill(PASSWORD)
    await login.locator('.staff-login__submit').click()
    await waitForRoute(page, '/packages/staff/pages/home/index')
    const session = await storedSession(page)
    assert.equal(session.kind, 'staff')
    token = session.token
    const me = await api(stack, '/api/staff/me', { token })
    assert.equal(me.status, 200, `GET /api/staff/me ${JSON.stringify(me.body)}`)
    departmentName = me.body.department.name
    const home = currentPage(page)
    await home.locator('.staff-matters__row').first().waitFor()
    assert.ok((await textOf(home.locator('.staff-home__me'))).includes(me.body.displayName), 'shows who is signed in')

    const expected = await api(stack, '/api/staff/matters?page=1&pageSize=50', { token })
    assert.equal(expected.status, 200)
    assert.ok(expected.body.total > 0, 'the seeded department has matters')
    assert.match(await textOf(home.locator('.staff-matters .card__title')), new RegExp(`本部门事项（${expected.body.total}）`))
    const departments = await home.locator('.staff-matters__row .muted').allInnerTexts()
    assert.ok(departments.length > 0)
    assert.deepEqual([...new Set(departments)], [departmentName], 'every listed matter belongs to the lead’s department')
    const names = await home.locator('.staff-matters__name').allInnerTexts()
    for (const name of names) {
      assert.ok(expected.body.items.some((m: any) => m.name === name), `"${name}" is one of the department's matters`)
    }
    const catalog = (await api(stack, '/api/catalog')).body
    const others = catalog.departments.filter((d: any) => d.name !== departmentName && d.matterCount > 0)
    assert.ok(others.length > 0, 'the seed has other departments to leave out')
    await browser.screenshot('staff-home')
  })

  await step(browser, 'editing 咨询电话 saves it on the server', async () => {
    const home = currentPage(page)
    const first = home.locator('.staff-matters__row').first()
    const name = await textOf(first.locator('.staff-matters__name'))
    await first.click()
    await waitForRoute(page, '/packages/staff/pages/matter/index')
    matterId = new URL(page.url()).searchParams.get('id') ?? ''
    assert.ok(matterId, `the edit page URL carries the matter id: ${page.url()}`)
    const before = (await api(stack, `/api/matters/${encodeURIComponent(matterId)}`)).body
    assert.equal(before.name, name)
    assert.notEqual(before.consultPhone, NEW_PHONE)

    const form = currentPage(page)
    const phone = inputNamed(form, 'consultPhone')
    await phone.waitFor()
    assert.equal(await phone.inputValue(), before.consultPhone, 'the form starts from the saved phone')

    // A malformed number is refused beside the field, before any request.
    const sent = browser.apiRequests.length
    await phone.fill('12')
    await nutButton(form, '保存').click()
    const phoneError = fieldOf(form, 'consultPhone').locator('.form-field__error')
    await phoneError.waitFor()
    await phoneError.scrollIntoViewIfNeeded()
    assert.ok(!browser.apiRequests.slice(sent).some((r) => r.startsWith('PATCH')), 'no PATCH for a malformed phone')
    await browser.screenshot('edit-bad-phone')

    await phone.fill(NEW_PHONE)
    await phone.scrollIntoViewIfNeeded()
    await browser.screenshot('edit-phone')
    await nutButton(form, '保存').click()
    await waitForRoute(page, '/packages/staff/pages/home/index')
    const after = await api(stack, `/api/matters/${encodeURIComponent(matterId)}`)
    assert.equal(after.status, 200)
    assert.equal(after.body.consultPhone, NEW_PHONE, 'GET /api/matters/:id returns the new 咨询电话')
    assert.equal(after.body.supervisionPhone, before.supervisionPhone, '监督电话 unchanged')
    assert.deepEqual(after.body.faqs, before.faqs, 'FAQs unchanged')
    await browser.screenshot('staff-home-after-save')
  })

  await step(browser, 'citizens see the new 咨询电话 in the guide', async () => {
    await page.goto(`${stack.h5Url}/packages/guide/pages/detail/index?id=${encodeURIComponent(matterId)}`)
    await waitForRoute(page, '/packages/guide/pages/detail/index')
    const guide = currentPage(page)
    await guide.locator('.contacts__phone').first().waitFor()
    assert.equal(await textOf(guide.locator('.contacts__phone').first()), NEW_PHONE)
    await guide.locator('.contacts__phone').first().scrollIntoViewIfNeeded()
    await browser.screenshot('guide-new-phone')
  })

  assert.deepEqual(browser.problems.filter((p) => !/401|403/.test(p)), [], 'no page errors, console errors or 5xx responses')
})
