/**
 * A pre-review (预审) between two phones, in the city app (dist/h5) against
 * the real API on a seeded database: a citizen submits 个体工商户设立登记 with
 * its three required materials, one of them a 4000×3000 photo made in the
 * browser; the window clerk of 市场监管 returns one material with a reason;
 * the citizen replaces it and resubmits; the clerk passes the second round;
 * the citizen sees the case number.
 *
 * Each role has its own browser (its own session). The citizen's steps go
 * through the citizen pages (support/prereviewCitizen.ts;
 * E2E_PREREVIEW_CITIZEN=api sends the pre-review through the API instead),
 * the clerk's through the staff pages. Screenshots of both go to
 * e2e/artifacts/prereview-journey/NN-<role>-<step>.png in journey order.
 */
import assert from 'node:assert/strict'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { MATERIAL_VERDICTS, PREREVIEW_DECISIONS, RETURN_REASONS } from '../types/enums'
import { maskName } from '../types/validators'
import { artifactsDir, currentPage, inputNamed, nutButton, openPhoneBrowser, settle, step, storedSession, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { citizenSide, type CitizenSide } from './support/prereviewCitizen'
import { api, startStack, type Stack } from './support/stack'

const CLERK = 'scjg.window'
const CLERK_NAME = '王晓燕'
const LEAD = 'scjg.lead'
const PASSWORD = 'Paoyici@2026'
const MATTER_KEY = 'individual-business-registration'
const APPLICANT = '李小梅'
/** The server's sentence for a return without a reason (server/src/services/prereviews/prereviewReview.ts). */
const NO_REASON = /原因/

const QUEUE = '/packages/staff/pages/prereviews/index'
const PART_PAGE = '/packages/staff/pages/prereview/index'
const shotsDir = join(artifactsDir, 'prereview-journey')

let stack: Stack
let citizenBrowser: PhoneBrowser
let staffBrowser: PhoneBrowser
let citizen: CitizenSide
let shots = 0

/** Saves the role's screen as the next picture of the journey. */
async function shot(browser: PhoneBrowser, role: 'citizen' | 'staff', name: string): Promise<void> {
  await settle(browser.page)
  await browser.page.screenshot({ path: join(shotsDir, `${String(++shots).padStart(2, '0')}-${role}-${name}.png`) })
}

before(async () => {
  rmSync(shotsDir, { recursive: true, force: true })
  stack = await startStack()
  citizenBrowser = await openPhoneBrowser('prereview-journey/citizen')
  staffBrowser = await openPhoneBrowser('prereview-journey/staff')
  mkdirSync(shotsDir, { recursive: true })
  citizen = await citizenSide(stack, citizenBrowser, { name: APPLICANT, shot: (name) => shot(citizenBrowser, 'citizen', name) })
})

after(async () => {
  await citizenBrowser?.close()
  await staffBrowser?.close()
  await stack?.close()
})

/** The clerk's bearer token, read from what the app stored at sign-in. */
let staffToken = ''
const staffApi = <T = any>(path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
  api<T>(stack, path, { token: staffToken, ...init })

async function openQueueRow(page: Page, matterName: string) {
  const row = currentPage(page).locator('.part-row').filter({ hasText: matterName })
  await row.first().waitFor()
  return row.first()
}

/** The material's card on the review page. */
const materialCard = (page: Page, name: string) => currentPage(page).locator('.material-review').filter({ hasText: name })

/** Marks a material 通过 and waits for the server's verdict to show. */
async function pass(page: Page, name: string) {
  const card = materialCard(page, name)
  const answered = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/materials/'))
  await nutButton(card, /^\s*通过\s*$/).click()
  assert.equal((await answered).status(), 200, `PUT verdict for ${name}`)
  await card.locator('.material-review__verdict--pass').waitFor()
}

/** Picks a reply in the decision panel, writes the comment, confirms the modal; returns the server's answer. */
async function decide(page: Page, decision: keyof typeof PREREVIEW_DECISIONS, comment: string) {
  const panel = currentPage(page).locator('.decision-panel')
  await panel.locator('.decision-panel__choice').filter({ hasText: PREREVIEW_DECISIONS[decision] }).click()
  if (comment) await panel.locator('textarea').fill(comment)
  await nutButton(panel, `确认${PREREVIEW_DECISIONS[decision]}`).click()
  const modal = page.locator('.taro-modal__content:visible')
  await modal.waitFor()
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/decision'))
  await modal.locator('.taro-model__confirm').click()
  const response = await answered
  assert.equal(response.status(), 200, `POST decision ${decision}: ${await response.text()}`)
  await currentPage(page).locator('.decision-result').waitFor()
  return response.json()
}

test('a citizen’s pre-review is returned once, corrected, passed, and becomes a case', { timeout: 300_000 }, async (t) => {
  const staff = staffBrowser.page
  let matter = { id: '', name: '' }
  let prereviewId = ''
  let partId = ''
  const materialNames: string[] = []
  let returned = { key: '', name: '' }

  await step(citizenBrowser, 'the citizen submits three materials, one a 4000×3000 photo', async () => {
    const form = await api(stack, `/api/matters?q=${encodeURIComponent('个体工商户设立登记')}`)
    assert.equal(form.status, 200)
    const found = form.body.items.find((m: any) => m.name === '个体工商户设立登记')
    assert.ok(found, `the seeded city offers 个体工商户设立登记 (${MATTER_KEY})`)
    matter = { id: found.id, name: found.name }
    const submitted = await citizen.submit(matter.id)
    prereviewId = submitted.id
    assert.equal(submitted.status, 'submitted')
    const attached = submitted.materials.filter((m: any) => m.files.length > 0)
    assert.equal(attached.length, 3, 'three materials attached')
    materialNames.push(...attached.map((m: any) => m.slot.name))
    assert.ok(citizen.bigPhoto, 'the 4000×3000 photo was made')
    t.diagnostic(`citizen steps through the ${citizen.mode === 'ui' ? 'pages' : 'API'}; the 4000×3000 photo went up as ${citizen.bigPhoto!.bytes} bytes`)
  })

  await step(staffBrowser, 'the clerk signs in and finds the part at the top of 预审队列', async () => {
    await staff.goto(`${stack.h5Url}/pages/me/index`)
    await waitForRoute(staff, '/pages/me/index')
    await currentPage(staff).locator('.me-staff-entry__link').click()
    await waitForRoute(staff, '/packages/staff/pages/login/index')
    const login = currentPage(staff)
    await inputNamed(login, 'username').fill(CLERK)
    await inputNamed(login, 'password').fill(PASSWORD)
    await login.locator('.staff-login__submit').click()
    await waitForRoute(staff, '/packages/staff/pages/home/index')
    staffToken = (await storedSession(staff)).token
    await nutButton(currentPage(staff), '预审队列').click()
    await waitForRoute(staff, QUEUE)
    const row = await openQueueRow(staff, matter.name)

    const queue = await staffApi('/api/staff/prereviews?page=1&pageSize=20')
    assert.equal(queue.status, 200, JSON.stringify(queue.body))
    const item = queue.body.items.find((i: any) => i.prereviewId === prereviewId)
    assert.ok(item, 'the server lists the part in the clerk’s queue')
    partId = item.partId
    const rowText = await textOf(row)
    assert.ok(rowText.includes(maskName(APPLICANT)) && !rowText.includes(APPLICANT), `masked applicant in the row: ${rowText}`)
    assert.ok(rowText.includes(item.number), `the pre-review number in the row: ${rowText}`)
    assert.equal(await textOf(row.locator('.light-badge__label')), item.deadline.label, 'the light’s words are the server’s')
    await shot(staffBrowser, 'staff', 'queue')
  })

  await step(staffBrowser, 'opening the part claims it; leaving without a reply gives it back', async () => {
    const claimed = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/claim'))
    await (await openQueueRow(staff, matter.name)).click()
    await waitForRoute(staff, PART_PAGE)
    assert.equal((await claimed).status(), 200)
    await currentPage(staff).locator('.claim-bar--mine').waitFor()
    const held = await staffApi(`/api/staff/prereviews/${partId}`)
    assert.equal(held.body.claim?.mine, true, 'the server holds the claim for the clerk')
    assert.equal(held.body.claim.staffName, maskName(CLERK_NAME), 'claims name the reviewer masked')

    const released = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/release'))
    await staff.goBack()
    await waitForRoute(staff, QUEUE)
    assert.equal((await released).status(), 200)
    const free = await staffApi(`/api/staff/prereviews/${partId}`)
    assert.equal(free.body.claim, null, 'the claim was released')
  })

  await step(staffBrowser, 'every material shows its pages; a photo opens full screen', async () => {
    await (await openQueueRow(staff, matter.name)).click()
    await waitForRoute(staff, PART_PAGE)
    const view = currentPage(staff)
    await view.locator('.claim-bar--mine').waitFor()
    for (const name of materialNames) {
      assert.ok((await materialCard(staff, name).locator('.material-pages__page').count()) >= 1, `${name} shows its pages`)
    }
    const facts = await textOf(view.locator('.part-facts'))
    assert.ok(facts.includes(APPLICANT), 'staff see the applicant’s name')
    assert.ok(facts.includes('个体') || facts.includes(matter.name), facts)
    await shot(staffBrowser, 'staff', 'part')

    const bigCard = materialCard(staff, citizen.bigPhoto!.materialName)
    await bigCard.locator('.material-pages__thumb').first().click()
    const viewer = staff.locator('.preview-image')
    await viewer.waitFor()
    const natural = await viewer.locator('img').first().evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))
      return { width: img.naturalWidth, height: img.naturalHeight }
    })
    assert.ok(natural.width > 0 && natural.height > 0, `the signed URL served the photo: ${JSON.stringify(natural)}`)
    assert.equal(natural.width * 3, natural.height * 4, `the photo keeps its 4:3 shape: ${JSON.stringify(natural)}`)
    await shot(staffBrowser, 'staff', 'photo-full-screen')
    await viewer.click()
    await viewer.waitFor({ state: 'detached' })
  })

  await step(staffBrowser, 'a return without a reason is refused with the server’s words; with a template it is recorded', async () => {
    const detail = (await staffApi(`/api/staff/prereviews/${partId}`)).body
    const target = detail.materials.find((m: any) => m.slot.name === citizen.returnTarget)
    assert.ok(target, `the part asks for ${citizen.returnTarget}`)
    returned = { key: target.slot.key, name: target.slot.name }
    for (const name of materialNames) if (name !== returned.name) await pass(staff, name)

    const card = materialCard(staff, returned.name)
    await nutButton(card, /^\s*退回\s*$/).click()
    const refused = staff.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/materials/'))
    await nutButton(card, '确认退回').click()
    const response = await refused
    assert.equal(response.status(), 400, 'the server refuses a return without a reason')
    const message = (await response.json()).message as string
    assert.match(message, NO_REASON)
    await card.locator('.return-reason__error').filter({ hasText: message }).waitFor()
    await shot(staffBrowser, 'staff', 'return-without-reason')

    await card.locator('.return-reason__template').filter({ hasText: RETURN_REASONS[0] }).click()
    const recorded = staff.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/materials/'))
    await nutButton(card, '确认退回').click()
    assert.equal((await recorded).status(), 200)
    await card.locator('.material-review__verdict--return').filter({ hasText: RETURN_REASONS[0] }).waitFor()
    const after = (await staffApi(`/api/staff/prereviews/${partId}`)).body
    const verdict = after.materials.find((m: any) => m.slot.key === returned.key).verdict
    assert.deepEqual(verdict, { verdict: 'return', reason: RETURN_REASONS[0] })

    const offered = await currentPage(staff).locator('.decision-panel__choice').allInnerTexts()
    assert.deepEqual(
      offered.map((t) => t.trim()),
      after.allowedDecisions.map((d: keyof typeof PREREVIEW_DECISIONS) => PREREVIEW_DECISIONS[d]),
      'the reply panel offers exactly the server’s allowedDecisions',
    )
    assert.ok(!after.allowedDecisions.includes('pass'), 'no pass while a material is returned')
    await shot(staffBrowser, 'staff', 'material-returned')
  })

  await step(staffBrowser, '退回补正 sends one notice and shows the result', async () => {
    const answer = await decide(staff, 'return', '请按退回理由重新拍摄后提交。')
    assert.equal(answer.status, 'returned')
    const result = currentPage(staff).locator('.decision-result')
    assert.match(await textOf(result.locator('.decision-result__status')), /退回补正/)
    assert.ok((await textOf(result)).includes(returned.name), 'the notice names the returned material')
    await shot(staffBrowser, 'staff', 'returned-result')
    await nutButton(result, '返回预审队列').click()
    await waitForRoute(staff, QUEUE)
  })

  await step(citizenBrowser, 'the citizen sees the returned material and replaces it', async () => {
    const seen = await citizen.seeReturn(prereviewId, returned.name, RETURN_REASONS[0])
    assert.equal(seen.status, 'returned')
    const resubmitted = await citizen.replaceAndResubmit(prereviewId, returned.key, returned.name)
    assert.equal(resubmitted.status, 'submitted')
    assert.equal(resubmitted.round, 2)
  })

  await step(staffBrowser, 'round 2: a colleague’s claim leaves the part read-only until released', async () => {
    const lead = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: LEAD, password: PASSWORD } })
    assert.equal(lead.status, 200, JSON.stringify(lead.body))
    const leadToken = lead.body.token as string
    const taken = await api(stack, `/api/staff/prereviews/${partId}/claim`, { method: 'POST', token: leadToken, body: {} })
    assert.equal(taken.status, 200, JSON.stringify(taken.body))

    await staff.reload()
    await waitForRoute(staff, QUEUE)
    const row = await openQueueRow(staff, matter.name)
    const rowText = await textOf(row)
    assert.ok(rowText.includes('补正后第2轮'), `the row shows the round: ${rowText}`)
    assert.ok(rowText.includes(`${taken.body.claim.staffName}审核中`), `the row shows who holds it: ${rowText}`)
    await shot(staffBrowser, 'staff', 'queue-round-2-held')

    await row.click()
    await waitForRoute(staff, PART_PAGE)
    const bar = currentPage(staff).locator('.claim-bar--held')
    await bar.waitFor()
    assert.ok((await textOf(bar)).includes(`${taken.body.claim.staffName}正在审核`), await textOf(bar))
    assert.equal(await currentPage(staff).locator('.material-review .nut-button').count(), 0, 'no verdict buttons while read-only')
    assert.equal(await currentPage(staff).locator('.decision-panel').count(), 0, 'no reply panel while read-only')
    await shot(staffBrowser, 'staff', 'part-held-by-colleague')

    const freed = await api(stack, `/api/staff/prereviews/${partId}/release`, { method: 'POST', token: leadToken, body: {} })
    assert.equal(freed.status, 200)
    const claimed = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/claim'))
    await nutButton(bar, /刷新|开始审核/).click()
    assert.equal((await claimed).status(), 200)
    await currentPage(staff).locator('.claim-bar--mine').waitFor()
  })

  await step(staffBrowser, 'round 2: the replaced material is highlighted with round 1’s review; all pass', async () => {
    const card = materialCard(staff, returned.name)
    await card.locator('.material-review__earlier').first().waitFor()
    assert.ok(await card.evaluate((el) => el.classList.contains('material-review--changed')), 'the replaced material is highlighted')
    assert.ok((await textOf(card)).includes('本轮已更换'))
    assert.ok((await textOf(card.locator('.material-review__earlier'))).includes(`第1轮`), 'round 1’s verdict is listed')
    assert.ok((await textOf(card.locator('.material-review__earlier'))).includes(MATERIAL_VERDICTS.return))
    await card.scrollIntoViewIfNeeded()
    await shot(staffBrowser, 'staff', 'round-2-changed-material')
    for (const name of materialNames) await pass(staff, name)
  })

  let caseNumber = ''
  await step(staffBrowser, '预审通过 creates the case and shows its number', async () => {
    const answer = await decide(staff, 'pass', '')
    assert.equal(answer.status, 'passed')
    assert.ok(answer.part.receipt?.caseNumber, `the passed part has its case: ${JSON.stringify(answer.part.receipt)}`)
    caseNumber = answer.part.receipt.caseNumber
    const result = currentPage(staff).locator('.decision-result')
    assert.equal(await textOf(result.locator('.decision-result__number')), caseNumber)
    await shot(staffBrowser, 'staff', 'passed-result')
    await nutButton(result, '返回预审队列').click()
    await waitForRoute(staff, QUEUE)
    await staff.waitForTimeout(300)
    assert.equal(await currentPage(staff).locator('.part-row').filter({ hasText: matter.name }).count(), 0, 'the part left the waiting queue')
    await shot(staffBrowser, 'staff', 'queue-after-pass')
  })

  await step(citizenBrowser, 'the citizen sees the case number', async () => {
    const shown = await citizen.seeCaseNumber(prereviewId)
    assert.equal(shown, caseNumber)
  })

  // The one refused request is the return without a reason, on purpose.
  const refused = staffBrowser.problems.filter((p) => p.includes('status of 400'))
  assert.equal(refused.length, 1, `one refused request: ${refused.join('; ')}`)
  assert.deepEqual(staffBrowser.problems.filter((p) => !p.includes('status of 400')), [], 'the staff browser saw no other errors')
  assert.deepEqual(citizenBrowser.problems.filter((p) => !p.includes('favicon')), [], 'the citizen browser saw no errors')
})
