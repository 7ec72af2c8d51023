/**
 * Accessibility of the city app (dist/h5): every page of src/app.config.ts,
 * opened with real content (set up through the API), in the standard and in
 * the elder (长辈版) theme, checked with axe-core against WCAG 2.1 A/AA and
 * axe's best practices. Any serious or critical violation fails the test.
 *
 * A page of app.config.ts without a row in PAGES below fails the test too:
 * add the row (who is signed in, the query, or the in-app steps that reach
 * the page with something on it) when you add a page.
 */
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { currentPage, inputNamed, nutButton, openPhoneBrowser, waitForRoute, type PhoneBrowser } from './support/browser'
import { createA11yData, type A11yData, type Role } from './support/accessibilityData'
import { projectRoot, startStack, type Stack } from './support/stack'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
const FAILING_IMPACTS = ['serious', 'critical']
/** Where ThemeStore keeps the theme; Taro H5's setStorageSync stores `{"data": value}` in localStorage. */
const THEME_KEY = 'paoyici.theme'
const SESSION_KEY = 'paoyici.session'

interface Visit {
  /** Who is signed in when the page opens. */
  as: Role
  /** The query string (without `?`) that gives the page its content. */
  query?: (d: A11yData) => string
  /** In-app steps that end on the page, for pages whose content lives in memory (no query can carry it). */
  reach?: (page: Page, d: A11yData, h5Url: string) => Promise<void>
  /** What this row cannot show, for the record. */
  note?: string
}

/** Every page of app.config.ts → how to reach it with something on it. */
const PAGES: Record<string, Visit> = {
  'pages/home/index': { as: 'citizen' },
  'pages/services/index': { as: 'citizen' },
  'pages/progress/index': { as: 'citizen' },
  'pages/me/index': { as: 'citizen' },
  'packages/guide/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.prereviewMatterId}` },
  'packages/account/pages/login/index': { as: 'none' },
  'packages/account/pages/real-name/index': { as: 'citizen' },
  'packages/staff/pages/login/index': { as: 'none' },
  'packages/staff/pages/home/index': { as: 'window' },
  'packages/staff/pages/matter/index': { as: 'lead', query: (d) => `id=${d.staffMatterId}` },
  'packages/staff/pages/queue/index': { as: 'window' },
  'packages/staff/pages/case/index': { as: 'window', query: (d) => `id=${d.feeCase.caseId}` },
  'packages/staff/pages/walk-in/index': { as: 'window' },
  'packages/staff/pages/receipt/index': { as: 'window', reach: registerWalkIn },
  'packages/staff/pages/supervision/index': { as: 'lead' },
  'packages/staff/pages/hall-day/index': { as: 'window' },
  'packages/staff/pages/slots/index': { as: 'admin' },
  'packages/staff/pages/prereviews/index': { as: 'window' },
  'packages/staff/pages/prereview/index': { as: 'window', query: (d) => `id=${d.prereviewPartId}` },
  'packages/staff/pages/bad-ratings/index': { as: 'window' },
  'packages/staff/pages/bad-rating/index': { as: 'window', query: (d) => `id=${d.ratedCase.ratingId}` },
  'packages/staff/pages/rating-appeals/index': { as: 'admin' },
  'packages/staff/pages/rating-stats/index': { as: 'lead' },
  'packages/staff/pages/fee-order/index': { as: 'window', query: (d) => `caseId=${d.feeCase.caseId}` },
  'packages/cases/pages/lookup/index': { as: 'none', reach: lookUpUnratedCase },
  'packages/cases/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.feeCase.caseId}` },
  'packages/cases/pages/messages/index': { as: 'citizen' },
  'packages/booking/pages/book/index': { as: 'citizen', query: (d) => `matterId=${d.bookableMatterId}` },
  'packages/booking/pages/mine/index': { as: 'citizen' },
  'packages/booking/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.appointmentId}` },
  'packages/rating/pages/rate/index': { as: 'citizen', query: (d) => `caseId=${d.unratedCase.caseId}` },
  'packages/rating/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.ratedCase.ratingId}` },
  'packages/rating/pages/anonymous/index': {
    as: 'none',
    reach: async (page, d, h5Url) => {
      await lookUpUnratedCase(page, d, h5Url)
      await nutButton(currentPage(page), '评价此件').click()
      await waitForRoute(page, '/packages/rating/pages/anonymous/index')
    },
  },
  'packages/payment/pages/order/index': { as: 'citizen', query: (d) => `id=${d.feeCase.unpaidOrderId}` },
  'packages/payment/pages/result/index': { as: 'citizen', query: (d) => `orderId=${d.feeCase.paidOrderId}` },
  'packages/payment/pages/receipt/index': { as: 'citizen', query: (d) => `id=${d.feeCase.paidOrderId}` },
  'packages/prereview/pages/bundles/index': { as: 'citizen' },
  'packages/prereview/pages/apply/index': { as: 'citizen', query: (d) => `matterId=${d.prereviewMatterId}` },
  'packages/prereview/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.prereviewId}` },
  'packages/prereview/pages/list/index': { as: 'citizen' },
  'packages/account/pages/settings/index': { as: 'citizen' },
  'packages/staff/pages/complaints/index': { as: 'window' },
  'packages/staff/pages/complaint/index': { as: 'window', query: (d) => `id=${d.complaintId}` },
  'packages/staff/pages/deliveries/index': { as: 'admin' },
  'packages/complaints/pages/new/index': { as: 'citizen', query: (d) => `caseId=${d.ratedCase.caseId}` },
  'packages/complaints/pages/list/index': { as: 'citizen' },
  'packages/complaints/pages/detail/index': { as: 'citizen', query: (d) => `id=${d.complaintId}` },
}

/** 进度 tab → number and password of the finished, unrated case → 查询 opens the answer page. */
async function lookUpUnratedCase(page: Page, d: A11yData, h5Url: string): Promise<void> {
  await page.goto(`${h5Url}/pages/progress/index`)
  await waitForRoute(page, '/pages/progress/index')
  const form = currentPage(page).locator('.lookup-form')
  await inputNamed(form, 'number').fill(d.unratedCase.number)
  await inputNamed(form, 'password').fill(d.unratedCase.password)
  await nutButton(form, '查询').first().click()
  await waitForRoute(page, '/packages/cases/pages/lookup/index')
}

/** 窗口收件 with the first matter → the receipt (number, password, QR code) the page keeps in memory. */
async function registerWalkIn(page: Page, d: A11yData, h5Url: string): Promise<void> {
  await page.goto(`${h5Url}/packages/staff/pages/walk-in/index`)
  await waitForRoute(page, '/packages/staff/pages/walk-in/index')
  const form = currentPage(page)
  await form.locator('.walk-in-form__placeholder').click()
  const picker = page.locator('.weui-picker:visible')
  await picker.waitFor()
  await picker.locator('.weui-picker__action').last().click()
  await picker.waitFor({ state: 'hidden' })
  await inputNamed(form, 'applicantName').fill(d.walkIn.name)
  await inputNamed(form, 'applicantIdNumber').fill(d.walkIn.idNumber)
  await inputNamed(form, 'applicantPhone').fill(d.walkIn.phone)
  await form.locator('.walk-in-form__submit').click()
  await waitForRoute(page, '/packages/staff/pages/receipt/index')
}

/** Every page path of app.config.ts (main package, then subpackages), as in the H5 router. */
async function configuredPages(): Promise<string[]> {
  const g = globalThis as { defineAppConfig?: (config: unknown) => unknown }
  g.defineAppConfig ??= (config) => config
  // A variable specifier: the config is loaded by tsx at run time, not type-checked with the e2e sources.
  const file = pathToFileURL(join(projectRoot, 'src/app.config.ts')).href
  const config = (await import(file)).default as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  return [...config.pages, ...(config.subPackages ?? []).flatMap((pkg) => pkg.pages.map((p) => `${pkg.root}/${p}`))]
}

let stack: Stack
let browser: PhoneBrowser
let data: A11yData

before(async () => {
  stack = await startStack()
  browser = await openPhoneBrowser('accessibility')
  // Before the app's own scripts on every document: the session and theme this visit wants.
  await browser.context.addInitScript(
    ({ sessionKey, themeKey }) => {
      const want = JSON.parse(localStorage.getItem('a11y.want') ?? 'null') as { session: string | null; elder: boolean } | null
      if (!want) return
      if (want.session) localStorage.setItem(sessionKey, JSON.stringify({ data: want.session }))
      else localStorage.removeItem(sessionKey)
      // Standard is stored too: with nothing stored, ThemeStore follows the device's large-text setting.
      localStorage.setItem(themeKey, JSON.stringify({ data: want.elder ? 'elder' : 'standard' }))
    },
    { sessionKey: SESSION_KEY, themeKey: THEME_KEY },
  )
  await browser.page.goto(`${stack.h5Url}/pages/home/index`)
  await waitForRoute(browser.page, '/pages/home/index')
  data = await createA11yData(stack, browser.page)
})

after(async () => {
  await browser?.close()
  await stack?.close()
})

interface Finding {
  page: string
  mode: string
  rule: string
  impact: string
  help: string
  target: string
  html: string
}

/** The page is at `path` and displayed (no fixed wait: waitUntilSettled waits for its transitions). */
async function reachedRoute(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout: 15_000 }).catch(() => {
    throw new Error(`expected to reach ${path}, but the app is at ${new URL(page.url()).pathname}`)
  })
  await page.locator(`.taro_page[id^="${path}"]:visible`).first().waitFor({ state: 'visible' })
}

/** Until no section of the displayed page is loading (LoadState / NutUI skeletons) and no transition (Taro's slide-in) runs. */
async function waitUntilSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const shown = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
        const current = shown.at(-1)
        if (!current || current.childElementCount === 0 || current.querySelector('.load-state:not(.load-state--error), .nut-skeleton')) return false
        // Finite animations and transitions only: a spinner runs for ever.
        return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
      },
      undefined,
      { timeout: 10_000, polling: 50 },
    )
    .catch(() => undefined) // A page that never settles is checked as it is; its load error is reported below.
  await page.waitForTimeout(50)
}

/** Opens one page as `visit` says, in `mode`; answers its serious/critical violations and what kept it from its content. */
async function checkPage(route: string, visit: Visit, mode: 'standard' | 'elder'): Promise<{ findings: Finding[]; problems: string[]; timing: string }> {
  const { page } = browser
  const session = visit.as === 'none' ? null : JSON.stringify({ kind: visit.as === 'citizen' ? 'citizen' : 'staff', ...data.sessions[visit.as] })
  await page.evaluate((want) => localStorage.setItem('a11y.want', want), JSON.stringify({ session, elder: mode === 'elder' }))
  const path = `/${route}`
  const started = Date.now()
  if (visit.reach) {
    await visit.reach(page, data, stack.h5Url!)
  } else {
    await page.goto(`${stack.h5Url}${path}${visit.query ? `?${visit.query(data)}` : ''}`)
  }
  const problems: string[] = []
  const opened = Date.now()
  await reachedRoute(page, path).catch((e: Error) => problems.push(e.message))
  await waitUntilSettled(page)
  const settled = Date.now()
  const shown = currentPage(page)
  if (await shown.locator('.load-state--error').count()) problems.push(`load error: ${(await shown.locator('.load-state--error').first().innerText()).trim()}`)
  // PageShell marks the page root `page--elder` in elder mode (src/theme/elder.scss).
  const elderShown = (await shown.locator('.page.page--elder').count()) > 0
  if (elderShown !== (mode === 'elder')) problems.push(`the page is ${elderShown ? '' : 'not '}in elder mode (${THEME_KEY} set before load)`)
  await page.addScriptTag({ path: AXE_PATH })
  const results = await page.evaluate(async (tags) => {
    const axe = (window as any).axe
    const run = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return run.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ impact: n.impact, target: n.target.join(' '), html: n.html })),
    }))
  }, AXE_TAGS)
  const findings: Finding[] = []
  for (const v of results as Array<{ id: string; impact: string; help: string; nodes: Array<{ impact: string; target: string; html: string }> }>) {
    for (const node of v.nodes) {
      const impact = node.impact ?? v.impact
      if (!FAILING_IMPACTS.includes(impact)) continue
      findings.push({ page: route, mode, rule: v.id, impact, help: v.help, target: node.target, html: node.html.replace(/\s+/g, ' ').slice(0, 200) })
    }
  }
  const timing = `open ${opened - started} ms, settle ${settled - opened} ms, axe ${Date.now() - settled} ms`
  return { findings, problems, timing }
}

test('every page, standard and elder: no serious or critical axe violations', { timeout: 600_000 }, async (t) => {
  const pages = await configuredPages()
  const missing = pages.filter((p) => !PAGES[p])
  const stale = Object.keys(PAGES).filter((p) => !pages.includes(p))
  assert.deepEqual(missing, [], `pages of app.config.ts with no row in PAGES (add how to reach them): ${missing.join(', ')}`)
  assert.deepEqual(stale, [], `rows in PAGES for pages app.config.ts no longer has: ${stale.join(', ')}`)

  // E2E_A11Y_ONLY=<text>: only the pages whose path contains it (while fixing one page).
  const only = process.env.E2E_A11Y_ONLY
  const visited = only ? pages.filter((p) => p.includes(only)) : pages
  const findings: Finding[] = []
  const problems: string[] = []
  for (const mode of ['standard', 'elder'] as const) {
    for (const route of visited) {
      const started = Date.now()
      const result = await checkPage(route, PAGES[route], mode).catch((e: Error) => ({ findings: [], problems: [`could not open: ${e.message.split('\n')[0]}`], timing: '' }))
      findings.push(...result.findings)
      problems.push(...result.problems.map((p) => `${route} [${mode}]: ${p}`))
      if (PAGES[route].note && mode === 'standard') t.diagnostic(`${route}: ${PAGES[route].note}`)
      if (process.env.E2E_A11Y_VERBOSE) t.diagnostic(`${route} [${mode}] ${Date.now() - started} ms (${result.timing}), ${result.findings.length} findings`)
    }
  }
  const report = findings.map((f) => `${f.page} [${f.mode}] ${f.rule} (${f.impact}: ${f.help})\n    at ${f.target}\n    ${f.html}`)
  const opened = problems.length ? `\npages that did not show their content:\n  ${problems.join('\n  ')}` : ''
  assert.ok(findings.length === 0 && problems.length === 0, `${findings.length} serious/critical axe violations:\n${report.join('\n')}${opened}`)
})
