/**
 * 好差评 on a phone, in the city app (dist/h5) against the real API on a
 * seeded database: a case completes (set up through the API); the applicant,
 * signed in by SMS, opens it from 我的办件 and gives a 差评 — first without a
 * reason (refused beside the reasons, nothing sent), then with one; the
 * department's window clerk verifies it, rectifies and replies from 差评处理;
 * the citizen opens the reply from the message centre and rates again. A
 * receipt holder rates another case anonymously from the lookup answer; the
 * clerk appeals that 差评 and the admin upholds it. The department lead opens
 * 评价统计 and sees the charts, with the numbers the API reports.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { currentPage, inputNamed, nutButton, openPhoneBrowser, step, storedSession, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { completedCase, STAFF_PASSWORD, staffToken } from './support/ratings'
import { signInBySms } from './support/smsSignIn'
import { api, startStack, type Stack } from './support/stack'

const CITIZEN_PHONE = '13900067890'
const APPLICANT = { name: '王小二', idNumber: '11010519491231002X', phone: CITIZEN_PHONE }
const REPLY = '已增开一个窗口并调整排队叫号，感谢您的监督'

let stack: Stack
let citizen: PhoneBrowser
let staff: PhoneBrowser

before(async () => {
  stack = await startStack()
  citizen = await openPhoneBrowser('rating-journey')
  staff = await openPhoneBrowser('rating-journey-staff')
})

after(async () => {
  await citizen?.close()
  await staff?.close()
  await stack?.close()
})

async function staffSignIn(browser: PhoneBrowser, username: string) {
  const { page } = browser
  await page.goto(`${stack.h5Url}/packages/staff/pages/login/index`)
  await waitForRoute(page, '/packages/staff/pages/login/index')
  const login = currentPage(page)
  await inputNamed(login, 'username').fill(username)
  await inputNamed(login, 'password').fill(STAFF_PASSWORD)
  await login.locator('.staff-login__submit').click()
  await waitForRoute(page, '/packages/staff/pages/home/index')
  return (await storedSession(page)).token
}

async function staffSignOut(browser: PhoneBrowser) {
  const { page } = browser
  await page.goto(`${stack.h5Url}/packages/staff/pages/home/index`)
  await waitForRoute(page, '/packages/staff/pages/home/index')
  await nutButton(currentPage(page), '退出登录').click()
  await waitForRoute(page, '/pages/me/index')
}

test('a 差评 goes round the loop: rated, verified, rectified with a reply, rated again, counted in the lead’s charts', { timeout: 300_000 }, async () => {
  const window = await staffToken(stack, 'scjg.window')
  const done = await completedCase(stack, window, APPLICANT)
  let citizenToken = ''
  let ratingId = ''
  let anonymousNumber = ''

  await step(citizen, 'the applicant signs in by SMS and finds the finished case in 我的办件', async () => {
    const { page } = citizen
    citizenToken = await signInBySms(stack, page, CITIZEN_PHONE)
    await page.goto(`${stack.h5Url}/pages/progress/index`)
    await waitForRoute(page, '/pages/progress/index')
    const row = currentPage(page).locator('.my-cases__row').filter({ hasText: done.matterName })
    await row.first().click()
    await waitForRoute(page, '/packages/cases/pages/detail/index')
  })

  await step(citizen, 'the finished case offers 评价, because the server lists it as rateable', async () => {
    const rateable = await api(stack, '/api/ratings/rateable', { token: citizenToken })
    assert.equal(rateable.status, 200, JSON.stringify(rateable.body))
    assert.deepEqual(rateable.body.items.map((i: any) => i.target.caseId), [done.caseId])
    const entry = currentPage(citizen.page).locator('.rate-entry')
    await entry.waitFor()
    await citizen.screenshot('case-detail-rate')
    await nutButton(entry, /^\s*评价\s*$/).click()
    await waitForRoute(citizen.page, '/packages/rating/pages/rate/index')
  })

  await step(citizen, '不满意 without a reason is refused beside the reasons and nothing is sent', async () => {
    const form = currentPage(citizen.page)
    await form.locator('.level-picker__option--dissatisfied').click()
    await form.locator('.rating-form__reasons').waitFor()
    const sent = citizen.apiRequests.length
    await nutButton(form, '提交评价').click()
    const error = form.locator('.rating-form__reasons .rating-form__error')
    await error.waitFor()
    assert.match(await textOf(error), /请选择不满意的原因/)
    await citizen.page.waitForTimeout(300)
    assert.deepEqual(citizen.apiRequests.slice(sent).filter((r) => r.startsWith('POST')), [], 'no POST for a 差评 without a reason')
    await citizen.screenshot('bad-rating-needs-reason')
  })

  await step(citizen, 'with a reason and text the 差评 is recorded and shown as 待核实', async () => {
    const form = currentPage(citizen.page)
    await form.locator('.tag-picker__chip').filter({ hasText: '排队等候久' }).click()
    await form.locator('.rating-form__text textarea').fill('排队两个小时才轮到我')
    await form.locator('.score-stars').filter({ hasText: '服务态度' }).locator('.score-stars__star').nth(1).click()
    await citizen.screenshot('bad-rating-form')
    const created = citizen.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/ratings')
    await nutButton(form, '提交评价').click()
    const response = await created
    assert.equal(response.status(), 201, `POST /api/ratings ${response.status()} ${await response.text()}`)
    const body = await response.json()
    ratingId = body.id
    assert.equal(body.level, 'dissatisfied')
    assert.deepEqual(body.tags, ['longWait'])
    assert.equal(body.scores.attitude, 2)
    await waitForRoute(citizen.page, '/packages/rating/pages/detail/index')
    const detail = currentPage(citizen.page)
    await detail.locator('.rating-detail__level').waitFor()
    assert.equal(await textOf(detail.locator('.rating-detail__level')), '不满意')
    assert.match(await textOf(detail), /待核实/)
    const again = await api(stack, '/api/ratings/rateable', { token: citizenToken })
    assert.deepEqual(again.body.items, [], 'one rating per case: nothing left to rate')
    await citizen.screenshot('bad-rating-recorded')
  })

  await step(citizen, 'back on the case, 评价 is no longer offered', async () => {
    await citizen.page.goBack()
    await waitForRoute(citizen.page, '/packages/cases/pages/detail/index')
    await citizen.page.waitForTimeout(500)
    assert.equal(await currentPage(citizen.page).locator('.rate-entry').count(), 0)
  })

  await step(staff, 'the window clerk opens 差评处理: the 差评 with its light, most urgent first', async () => {
    await staffSignIn(staff, 'scjg.window')
    await nutButton(currentPage(staff.page), '差评处理').click()
    await waitForRoute(staff.page, '/packages/staff/pages/bad-ratings/index')
    const list = currentPage(staff.page)
    const row = list.locator('.bad-rating-row').first()
    await row.waitFor()
    const listed = await api(stack, '/api/staff/ratings?open=true', { token: window })
    assert.equal(listed.body.items[0].id, ratingId)
    assert.match(await textOf(row), /排队等候久/)
    assert.equal(await textOf(row.locator('.light-badge__label')), listed.body.items[0].deadline.label)
    await staff.screenshot('bad-ratings')
    await row.click()
    await waitForRoute(staff.page, '/packages/staff/pages/bad-rating/index')
  })

  await step(staff, '核实, then 整改并回复 with a reply to the citizen', async () => {
    const view = currentPage(staff.page)
    await view.locator('.rating-actions').waitFor()
    await nutButton(view.locator('.rating-actions'), '核实').click()
    await view.locator('.rating-actions__text--note textarea').fill('属实，上午窗口排队过长')
    await nutButton(view.locator('.rating-actions'), '确认核实').click()
    await view.locator('.rating-facts').filter({ hasText: '整改中' }).waitFor()
    await nutButton(view.locator('.rating-actions'), '整改并回复').click()
    await view.locator('.rating-actions__text--measures textarea').fill('增开一个窗口，调整叫号规则')
    await view.locator('.rating-actions__text--reply textarea').fill('好的')
    await nutButton(view.locator('.rating-actions'), '提交整改并回复').click()
    // Too short a reply is refused beside it before sending.
    const replyError = view.locator('.form-field').filter({ has: staff.page.locator('.rating-actions__text--reply') }).locator('.form-field__error')
    await replyError.waitFor()
    assert.match(await textOf(replyError), /至少5个字/)
    await view.locator('.rating-actions__text--reply textarea').fill(REPLY)
    await staff.screenshot('rectify-form')
    await nutButton(view.locator('.rating-actions'), '提交整改并回复').click()
    await view.locator('.rating-facts').filter({ hasText: '已整改回复' }).waitFor()
    const detail = await api(stack, `/api/staff/ratings/${ratingId}`, { token: window })
    assert.equal(detail.body.status, 'rectified')
    assert.equal(detail.body.rectification.reply, REPLY)
    await staff.screenshot('rectified')
  })

  await step(citizen, 'the reply reaches the message centre; it opens the rating with the reply and 再次评价', async () => {
    await citizen.page.goto(`${stack.h5Url}/packages/cases/pages/messages/index`)
    await waitForRoute(citizen.page, '/packages/cases/pages/messages/index')
    const message = currentPage(citizen.page).locator('.message-row').first()
    await message.waitFor()
    await citizen.screenshot('messages')
    await message.click()
    await waitForRoute(citizen.page, '/packages/rating/pages/detail/index')
    const detail = currentPage(citizen.page)
    await detail.locator('.reply-card').waitFor()
    assert.match(await textOf(detail.locator('.reply-card')), new RegExp(REPLY))
    await citizen.screenshot('reply')
    await nutButton(detail, '再次评价').click()
    await waitForRoute(citizen.page, '/packages/rating/pages/rate/index')
  })

  await step(citizen, 'the second rating (满意) is accepted once', async () => {
    const form = currentPage(citizen.page)
    await form.locator('.rate-target__note').waitFor()
    await form.locator('.level-picker__option--satisfied').click()
    await form.locator('.tag-picker__chip').filter({ hasText: '态度热情' }).click()
    await citizen.screenshot('re-rate')
    const created = citizen.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/ratings')
    await nutButton(form, '提交再次评价').click()
    const response = await created
    assert.equal(response.status(), 201, await response.text())
    const body = await response.json()
    assert.equal(body.round, 2)
    await waitForRoute(citizen.page, '/packages/rating/pages/detail/index')
    await currentPage(citizen.page).locator('.rating-detail__level').filter({ hasText: '满意' }).waitFor()
    const mine = await api(stack, '/api/ratings', { token: citizenToken })
    assert.deepEqual(mine.body.items.map((r: any) => r.level).sort(), ['dissatisfied', 'satisfied'])
    const left = await api(stack, '/api/ratings/rateable', { token: citizenToken })
    assert.deepEqual(left.body.items, [], 'no third rating')
    await citizen.screenshot('re-rated')
  })

  await step(citizen, 'anyone with a receipt rates a finished case from the lookup answer, without an account', async () => {
    const other = await completedCase(stack, window, { name: '李四', idNumber: '110105198001010016', phone: '13900011111' })
    await citizen.page.goto(`${stack.h5Url}/pages/progress/index`)
    await waitForRoute(citizen.page, '/pages/progress/index')
    const form = currentPage(citizen.page).locator('.lookup-form')
    await inputNamed(form, 'number').fill(other.number)
    await inputNamed(form, 'password').fill(other.password)
    await nutButton(form, '查询').first().click()
    await waitForRoute(citizen.page, '/packages/cases/pages/lookup/index')
    await nutButton(currentPage(citizen.page), '评价此件').click()
    await waitForRoute(citizen.page, '/packages/rating/pages/anonymous/index')
    const page = currentPage(citizen.page)
    // The lookup's number and password are reused: no second entry.
    await page.locator('.anonymous-rating__matter').waitFor()
    assert.equal(await textOf(page.locator('.anonymous-rating__matter')), other.matterName)
    await page.locator('.level-picker__option--veryDissatisfied').click()
    await page.locator('.tag-picker__chip').filter({ hasText: '服务态度差' }).click()
    const created = citizen.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/ratings/anonymous')
    await nutButton(page, '提交评价').click()
    const response = await created
    assert.equal(response.status(), 201, await response.text())
    const sent = JSON.parse(response.request().postData() ?? '{}')
    assert.equal(sent.channel, 'mobile', 'typed on the 进度 tab: 移动端')
    assert.equal(sent.number, other.number)
    await page.locator('.anonymous-rating__thanks').waitFor()
    await citizen.screenshot('anonymous-rated')
    anonymousNumber = other.number
  })

  await step(staff, 'the clerk appeals the anonymous 差评 as malicious, with evidence', async () => {
    await staff.page.goto(`${stack.h5Url}/packages/staff/pages/bad-ratings/index`)
    await waitForRoute(staff.page, '/packages/staff/pages/bad-ratings/index')
    const row = currentPage(staff.page).locator('.bad-rating-row').filter({ hasText: '服务态度差' })
    await row.waitFor()
    assert.match(await textOf(row), /匿名评价/, 'an anonymous rating names nobody')
    await row.click()
    await waitForRoute(staff.page, '/packages/staff/pages/bad-rating/index')
    const view = currentPage(staff.page)
    await nutButton(view.locator('.rating-actions'), /^\s*申诉\s*$/).click()
    await view.locator('.rating-actions__text--evidence textarea').fill('当日该窗口无排队记录，监控录像显示评价人未到窗口办理')
    await nutButton(view.locator('.rating-actions'), '提交申诉').click()
    await view.locator('.rating-facts').filter({ hasText: '待裁定' }).waitFor()
    await staff.screenshot('appealed')
  })

  await step(staff, 'the admin upholds the appeal from 申诉裁定; the rating no longer counts', async () => {
    await staffSignOut(staff)
    await staffSignIn(staff, 'admin')
    await nutButton(currentPage(staff.page), '申诉裁定').click()
    await waitForRoute(staff.page, '/packages/staff/pages/rating-appeals/index')
    const row = currentPage(staff.page).locator('.bad-rating-row').first()
    await row.waitFor()
    assert.match(await textOf(row), /服务态度差.*待裁定/, 'the appealed 差评 is waiting')
    const waiting = await api(stack, '/api/staff/ratings?appealStatus=pending', { token: await staffToken(stack, 'admin') })
    assert.deepEqual(waiting.body.items.map((r: any) => r.target.caseNumber), [anonymousNumber])
    await staff.screenshot('appeals')
    await row.click()
    await waitForRoute(staff.page, '/packages/staff/pages/bad-rating/index')
    const view = currentPage(staff.page)
    await nutButton(view.locator('.rating-actions'), '裁定申诉').click()
    await view.locator('.rating-actions__text--comment textarea').fill('录像证据充分，申诉成立')
    await nutButton(view.locator('.rating-actions'), '申诉成立').click()
    await view.locator('.rating-facts').filter({ hasText: '申诉成立（不计入）' }).waitFor()
    await staff.screenshot('appeal-upheld')
  })

  await step(staff, 'the department lead opens 评价统计: charts with the API’s numbers', async () => {
    await staffSignOut(staff)
    const lead = await staffSignIn(staff, 'scjg.lead')
    await nutButton(currentPage(staff.page), '评价统计').click()
    await waitForRoute(staff.page, '/packages/staff/pages/rating-stats/index')
    const view = currentPage(staff.page)
    await view.locator('.stats-summary').waitFor()
    const stats = (await api(stack, '/api/staff/ratings/statistics?granularity=month', { token: lead })).body
    const values = await view.locator('.stats-summary__value').allInnerTexts()
    assert.equal(values[0].trim(), String(stats.total))
    assert.equal(values[2].trim(), String(stats.bad))
    assert.equal(stats.excluded, 1, 'the upheld appeal is left out')
    assert.match(await textOf(view.locator('.stats-summary')), /申诉成立不计入 1 件/)
    // One bar per level; the drawn widths follow the counts.
    const bars = view.locator('.stats-chart').first().locator('.h-bars__row')
    assert.equal(await bars.count(), 5)
    const widths = await view.locator('.stats-chart').first().locator('.h-bars__track').evaluateAll((tracks) =>
      tracks.map((t) => Array.from(t.children).reduce((w, c) => w + (c as HTMLElement).getBoundingClientRect().width, 0)),
    )
    const counts = stats.byLevel.map((l: any) => l.count)
    const max = Math.max(...counts)
    const full = Math.max(...widths)
    counts.forEach((count: number, i: number) => assert.ok(Math.abs(widths[i] - (count / max) * full) < 2, `level ${i} bar width ${widths[i]} for ${count}`))
    assert.equal(await view.locator('.trend-columns__column').count(), stats.trend.length, 'one column per period')
    assert.ok((await view.locator('.rate-line__point').count()) >= 1, 'the satisfaction line has a point')
    await staff.screenshot('rating-stats')
    await view.locator('.stats-chart').nth(3).scrollIntoViewIfNeeded()
    await staff.screenshot('rating-stats-by-service')
    await view.locator('.stats-chart').last().scrollIntoViewIfNeeded()
    await staff.screenshot('rating-stats-rectification')
  })

  for (const browser of [citizen, staff]) {
    assert.deepEqual(browser.problems.filter((p) => !/status of (400|401|403|404)\b/.test(p)), [], 'no page errors, console errors or 5xx responses')
  }
})
