/**
 * A citizen on a phone, in the city app (dist/h5) against the real API on a
 * seeded database: find a service by pinyin initials, read its guide, sign in
 * by SMS, see the masked phone, declare a real name.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { IDENTITY_LEVELS } from '../types/enums'
import { checkResidentId, MOBILE_MESSAGE } from '../types/validators'
import { currentPage, fieldOf, inputNamed, nutButton, openPhoneBrowser, step, storedSession, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { api, startStack, type Stack } from './support/stack'

const PHONE = '13812345678'
const SERVICE = '居民身份证换领'

let stack: Stack
let browser: PhoneBrowser

before(async () => {
  stack = await startStack()
  browser = await openPhoneBrowser('citizen-journey')
})

after(async () => {
  await browser?.close()
  await stack?.close()
})

test('a citizen finds a service, reads its guide, signs in by SMS and declares a real name', { timeout: 120_000 }, async () => {
  const { page } = browser

  await step(browser, 'home shows the seeded city and its catalog', async () => {
    await page.goto(`${stack.h5Url}/`)
    await waitForRoute(page, '/pages/home/index')
    const home = currentPage(page)
    await home.locator('.department-grid__item').first().waitFor()
    assert.match(await textOf(home.locator('.city-header')), /玉门市/, 'city header')
    const catalog = (await api(stack, '/api/catalog')).body
    const shown = await home.locator('.department-grid__name').allInnerTexts()
    const expected = catalog.departments.filter((d: any) => d.matterCount > 0).map((d: any) => d.shortName || d.name)
    assert.deepEqual(shown.sort(), expected.sort(), '按部门 lists the departments the API serves')
    await home.locator('.hot-matters .matter-row').first().waitFor()
    await browser.screenshot('home')
  })

  await step(browser, 'searching by pinyin initials "sfz" finds the ID card service', async () => {
    const home = currentPage(page)
    await home.locator('.city-header__search input').fill('sfz')
    await home.locator('.city-header__go').click()
    await waitForRoute(page, '/pages/services/index')
    const list = currentPage(page)
    const row = list.locator('.matter-row').filter({ hasText: SERVICE })
    await row.first().waitFor().catch(() => {
      throw new Error(`no "${SERVICE}" in the results for sfz`)
    })
    const names = await list.locator('.matter-row__name').allInnerTexts()
    assert.ok(names.every((n) => n.includes('身份证')), `every result for sfz mentions 身份证: ${names.join(', ')}`)
    await browser.screenshot('search-sfz')
    await row.first().click()
  })

  await step(browser, 'the guide shows materials, time limits and the hall from the API', async () => {
    await waitForRoute(page, '/packages/guide/pages/detail/index')
    const matterId = new URL(page.url()).searchParams.get('id') ?? ''
    assert.ok(matterId, `guide URL carries the matter id: ${page.url()}`)
    const guide = currentPage(page)
    await guide.locator('.guide-header__name').waitFor()
    const matter = (await api(stack, `/api/matters/${encodeURIComponent(matterId)}`)).body
    assert.equal(await textOf(guide.locator('.guide-header__name')), SERVICE)
    assert.ok(matter.materials.length > 0, 'the seeded service has materials')
    assert.equal(await guide.locator('.materials__item').count(), matter.materials.length, 'one row per material')
    assert.match(await textOf(guide.locator('.materials .card__title')), new RegExp(`申请材料（${matter.materials.length}）`))
    for (const material of matter.materials) {
      assert.ok((await textOf(guide.locator('.materials'))).includes(material.name), `material "${material.name}" shown`)
    }
    const basic = await textOf(guide.locator('.basic-info'))
    assert.match(basic, /承诺办结时限/)
    assert.match(basic, /法定办结时限/)
    assert.ok(basic.includes(`${matter.promisedLimitDays}个工作日`), `promised limit ${matter.promisedLimitDays} working days in: ${basic}`)
    assert.equal(await textOf(guide.locator('.location__hall')), matter.hall.name)
    assert.ok((await textOf(guide.locator('.location'))).includes(matter.hall.address), 'hall address shown')
    await browser.screenshot('guide-top')
    await guide.locator('.materials').scrollIntoViewIfNeeded()
    await browser.screenshot('guide-materials')
    await guide.locator('.location').scrollIntoViewIfNeeded()
    await browser.screenshot('guide-hall')
  })

  await step(browser, '我的 offers sign-in to a guest', async () => {
    // The guide has no tab bar: back to the list first, as on a phone.
    await page.goBack()
    await waitForRoute(page, '/pages/services/index')
    await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click()
    await waitForRoute(page, '/pages/me/index')
    const me = currentPage(page)
    await me.locator('.me-guest').waitFor()
    await browser.screenshot('me-guest')
    await nutButton(me.locator('.me-guest'), '登录').click()
    await waitForRoute(page, '/packages/account/pages/login/index')
  })

  await step(browser, 'a bad phone number is refused beside the field before any request', async () => {
    const login = currentPage(page)
    const sentBefore = browser.apiRequests.length
    await inputNamed(login, 'phone').fill('1381234')
    await nutButton(login, '获取验证码').click()
    const phoneField = fieldOf(login, 'phone')
    await phoneField.locator('.form-field__error').waitFor()
    assert.equal(await textOf(phoneField.locator('.form-field__error')), MOBILE_MESSAGE)
    await browser.screenshot('login-bad-phone')
    assert.deepEqual(browser.apiRequests.slice(sentBefore), [], 'no request was sent for a bad phone')
    assert.equal(stack.sms.outbox.length, 0, 'no SMS was sent')
  })

  await step(browser, 'SMS sign-in shows the profile with the masked phone', async () => {
    const login = currentPage(page)
    await inputNamed(login, 'phone').fill(PHONE)
    await nutButton(login, '获取验证码').click()
    await login.locator('.sms-login__notice').waitFor().catch(() => {
      throw new Error('no "验证码已发送" notice after 获取验证码')
    })
    assert.equal(await login.locator('.form-field__error').count(), 0, 'the phone error is gone')
    const code = stack.sms.latestCode(PHONE)
    assert.match(code ?? '', /^\d{6}$/, 'the SMS simulator received a 6-digit code for the phone')
    await inputNamed(login, 'code').fill(code!)
    await browser.screenshot('login-code')
    await login.locator('.sms-login__submit').click()
    await waitForRoute(page, '/pages/me/index')
    const me = currentPage(page)
    await me.locator('.citizen-card__phone').waitFor().catch(() => {
      throw new Error('no citizen card after signing in')
    })
    assert.equal(await textOf(me.locator('.citizen-card__phone')), `${PHONE.slice(0, 3)}****${PHONE.slice(7)}`)
    assert.ok((await textOf(me.locator('.citizen-card__head'))).includes(IDENTITY_LEVELS.none), `the card says ${IDENTITY_LEVELS.none}`)
    assert.ok(!(await textOf(me)).includes(PHONE), 'the full phone number is never shown')
    await browser.screenshot('me-signed-in')
  })

  await step(browser, 'declaring a real name shows 已填报（未核验）', async () => {
    const me = currentPage(page)
    await me.locator('.nut-cell').filter({ hasText: '实名认证' }).click()
    await waitForRoute(page, '/packages/account/pages/real-name/index')
    const form = currentPage(page)
    const idNumber = residentId('62098119900307123')
    await inputNamed(form, 'name').fill('张三丰')
    await inputNamed(form, 'idNumber').fill(idNumber)
    await browser.screenshot('real-name-form')
    await form.locator('.real-name-form__submit').click()
    await waitForRoute(page, '/pages/me/index')
    const after = currentPage(page)
    const head = after.locator('.citizen-card__head')
    await head.filter({ hasText: IDENTITY_LEVELS.declared }).waitFor().catch(async () => {
      throw new Error(`expected ${IDENTITY_LEVELS.declared}, the card says "${await textOf(head)}"`)
    })
    const card = await textOf(after.locator('.citizen-card'))
    assert.ok(card.includes('张**'), `masked name in: ${card}`)
    assert.ok(card.includes(`${idNumber.slice(0, 4)}**********${idNumber.slice(14)}`), `masked ID in: ${card}`)
    assert.ok(!card.includes(idNumber), 'the full ID number is never shown')
    await browser.screenshot('me-declared')

    // The server agrees: the session the app stored reads back as declared.
    const token = (await storedSession(page)).token
    const profile = await api(stack, '/api/me', { token })
    assert.equal(profile.status, 200)
    assert.equal(profile.body.identityLevel, 'declared')
  })

  assert.deepEqual(browser.problems, [], 'no page errors, console errors or 5xx responses')
})

/** Completes 17 digits with the GB 11643 check character. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0)
  const id = first17 + '10X98765432'[sum % 11]
  assert.equal(checkResidentId(id), null, `test fixture ${id} is a valid resident ID`)
  return id
}
