/** The citizen's SMS sign-in on the login page, as journeys other than the citizen journey start. */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { currentPage, inputNamed, nutButton, storedSession, waitForRoute } from './browser'
import type { Stack } from './stack'

const LOGIN = '/packages/account/pages/login/index'

/** Phone, 获取验证码, the code the SMS simulator received, 登录; answers the stored citizen token. */
export async function signInBySms(stack: Stack, page: Page, phone: string): Promise<string> {
  await page.goto(`${stack.h5Url}${LOGIN}`)
  await waitForRoute(page, LOGIN)
  const login = currentPage(page)
  await inputNamed(login, 'phone').fill(phone)
  await nutButton(login, '获取验证码').click()
  await login.locator('.sms-login__notice').waitFor()
  const code = stack.sms.latestCode(phone)
  assert.match(code ?? '', /^\d{6}$/, 'the SMS simulator has the code')
  await inputNamed(login, 'code').fill(code!)
  await login.locator('.sms-login__submit').click()
  await page.waitForURL((url) => url.pathname !== LOGIN)
  const session = await storedSession(page)
  assert.equal(session.kind, 'citizen')
  return session.token
}
