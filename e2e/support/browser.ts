/**
 * Headless Chromium at a phone's size for the city app (H5), with helpers
 * that know how Taro H5 lays pages out: every opened page stays in the DOM as
 * a `.taro_page`, and only the current one is displayed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { projectRoot } from './stack'

export const artifactsDir = join(projectRoot, 'e2e/artifacts')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface PhoneBrowser {
  context: BrowserContext
  page: Page
  /** Page errors, console errors and failed API responses, for failure messages. */
  problems: string[]
  /** Paths of /api requests the app sent, oldest first. */
  apiRequests: string[]
  /** Waits for the page transition to settle, then saves e2e/artifacts/<journey>/<name>.png. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export async function openPhoneBrowser(journey: string): Promise<PhoneBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'pyc-e2e-chromium-'))
  const shots = join(artifactsDir, journey)
  rmSync(shots, { recursive: true, force: true })
  mkdirSync(shots, { recursive: true })
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw new Error(`Could not start Chromium at ${CHROMIUM} (apt-get install -y chromium): ${(error as Error).message}`)
  }
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  const apiRequests: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 300)}`)
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}`)
  })
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.pathname.startsWith('/api/') && response.status() >= 500) problems.push(`${response.status()} from ${url.pathname}`)
  })
  let shot = 0
  return {
    context,
    page,
    problems,
    apiRequests,
    async screenshot(name) {
      await settle(page)
      const path = join(shots, `${String(++shot).padStart(2, '0')}-${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      await context.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Taro H5 slides a new page in over ~300 ms. */
export const settle = (page: Page) => page.waitForTimeout(400)

/** The page the user sees: the one displayed `.taro_page`. */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page:visible').last()
}

/** Waits until the URL path is `path` and its page is displayed, then lets it settle. */
export async function waitForRoute(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout: 15_000 }).catch(() => {
    throw new Error(`expected to reach ${path}, but the app is at ${new URL(page.url()).pathname}`)
  })
  await page.locator(`.taro_page[id^="${path}"]:visible`).first().waitFor({ state: 'visible' })
  await settle(page)
}

/** A NutUI button by its label: the `.nut-button` element itself, not its inner text span. */
export function nutButton(scope: Locator, label: string | RegExp): Locator {
  return scope.locator('.nut-button').filter({ hasText: label })
}

/** The text input inside a Taro/NutUI Input (Taro H5 renders <taro-input-core><input>). */
export function inputNamed(scope: Locator, name: string): Locator {
  return scope.locator(inputSelector(name)).first()
}

export const inputSelector = (name: string) => `taro-input-core[name="${name}"] input, input[name="${name}"]`

/** The FormField (label, control, error) that holds the input with this name. */
export function fieldOf(scope: Locator, name: string): Locator {
  return scope.locator('.form-field').filter({ has: scope.page().locator(inputSelector(name)) })
}

/** Visible text of a locator, whitespace collapsed, for assertions and messages. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim()
}

/** The session the app persisted (Taro H5 wraps storage values as {"data": …}). */
export async function storedSession(page: Page): Promise<{ kind: string; token: string }> {
  const raw = await page.evaluate(() => localStorage.getItem('paoyici.session'))
  if (!raw) throw new Error('the app stored no session (localStorage "paoyici.session")')
  let value: unknown = JSON.parse(raw)
  if (value && typeof value === 'object' && 'data' in value) value = (value as { data: unknown }).data
  if (typeof value === 'string') value = JSON.parse(value)
  const session = value as { kind?: string; token?: string }
  if (!session.token || !session.kind) throw new Error(`no token in the stored session: ${raw}`)
  return session as { kind: string; token: string }
}

/**
 * Runs one step of a journey. A failure names the step, carries what the
 * browser saw go wrong and a screenshot, and stops the journey there.
 */
export async function step(browser: PhoneBrowser, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn()
  } catch (error) {
    const shot = await browser.screenshot(`FAILED-${name.slice(0, 40).replace(/[^\w\u4e00-\u9fa5]+/g, '-')}`).catch(() => 'none')
    const message = error instanceof Error ? error.message : String(error)
    const problems = browser.problems.length ? `\nBrowser problems:\n  ${browser.problems.join('\n  ')}` : ''
    throw new Error(`Step "${name}" failed: ${message}${problems}\nScreenshot: ${shot}`, { cause: error })
  }
}
