/**
 * The city app (dist/h5) as an installable, offline-capable web app: the
 * manifest and icons, the service worker taking control, a guide read once
 * and then read again with the phone offline, the offline banner, and a
 * write refused on the device with a plain "not sent" message.
 *
 * Offline is two things at once here: Chromium's own offline mode
 * (`context.setOffline`: navigator.onLine, the online/offline events) and a
 * gate in front of the app's server that drops every connection, so whatever
 * the page shows while offline can only have come from the service worker's
 * caches, and the test can tell that nothing reached the server.
 */
import assert from 'node:assert/strict'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { after, before, test } from 'node:test'
import { startH5Server, type H5Server } from '../scripts/h5Server'
import { OFFLINE_WRITE_MESSAGE } from '../src/api/ApiError'
import { OFFLINE_TEXT } from '../src/components/OfflineBanner/text'
import { currentPage, inputNamed, nutButton, openPhoneBrowser, step, textOf, waitForRoute, type PhoneBrowser } from './support/browser'
import { api, h5Dist, startStack, type Stack } from './support/stack'

const SERVICE = '居民身份证换领'
const SIGNED_IN_PHONE = '13900001111'
const GUIDE_ROUTE = '/packages/guide/pages/detail/index'

let stack: Stack
let h5: H5Server
let gate: Gate
let browser: PhoneBrowser

before(async () => {
  stack = await startStack({ h5: false })
  h5 = await startH5Server({ root: h5Dist, apiUrl: stack.apiUrl, host: '127.0.0.1', port: 0 })
  gate = await startGate(h5.url)
  browser = await openPhoneBrowser('offline')
})

after(async () => {
  await browser?.close()
  await gate?.close()
  await h5?.close()
  await stack?.close()
})

test('the city app installs, reads guides offline and says plainly that a write needs the network', { timeout: 180_000 }, async () => {
  const { page, context } = browser
  let matterId = ''

  await step(browser, 'the manifest is linked and valid, its icons load at their sizes', async () => {
    await page.goto(`${gate.url}/`)
    await waitForRoute(page, '/pages/home/index')
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    assert.equal(href, '/manifest.webmanifest')
    const res = await fetch(`${gate.url}${href}`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /json/, 'served as JSON (application/manifest+json)')
    const manifest = await res.json()
    assert.equal(manifest.name, '跑一次·玉门政务')
    assert.equal(manifest.short_name, '跑一次')
    assert.equal(manifest.start_url, '/')
    assert.equal(manifest.scope, '/')
    assert.equal(manifest.display, 'standalone')
    assert.equal(manifest.lang, 'zh-CN')
    assert.equal(manifest.theme_color, '#1a66d6')
    assert.equal(manifest.background_color, '#f5f6f8')
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), manifest.theme_color)
    const icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> = manifest.icons
    for (const wanted of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      assert.ok(icons.some((i) => i.sizes === wanted[0] && (i.purpose ?? 'any') === wanted[1]), `an icon ${wanted.join(' ')}`)
    }
    const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
    assert.ok(touch, 'apple-touch-icon linked')
    for (const [src, size] of [...icons.map((i) => [i.src, Number(i.sizes.split('x')[0])] as const), [touch, 180] as const]) {
      const png = await fetch(new URL(src, gate.url))
      assert.equal(png.status, 200, `${src} loads`)
      assert.equal(png.headers.get('content-type'), 'image/png', `${src} is a PNG`)
      assert.deepEqual(pngSize(Buffer.from(await png.arrayBuffer())), [size, size], `${src} is ${size}×${size}`)
    }
  })

  await step(browser, 'the service worker takes control of the page', async () => {
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
      }
      return registration.scope
    })
    assert.equal(scope, `${gate.url}/`)
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${gate.url}/sw.js`)
  })

  await step(browser, 'a guide is read once, online', async () => {
    const home = currentPage(page)
    await home.locator('.city-header__search input').fill('sfz')
    await home.locator('.city-header__go').click()
    await waitForRoute(page, '/pages/services/index')
    const list = currentPage(page)
    const row = list.locator('.matter-row').filter({ hasText: SERVICE }).first()
    await row.waitFor()
    await row.click()
    await waitForRoute(page, GUIDE_ROUTE)
    matterId = new URL(page.url()).searchParams.get('id') ?? ''
    assert.ok(matterId, 'the guide URL carries the matter id')
    await currentPage(page).locator('.materials__item').first().waitFor()
    await browser.screenshot('guide-online')
  })

  await step(browser, '我的 → 登录 is opened once, online', async () => {
    await page.goto(`${gate.url}/pages/me/index`)
    await waitForRoute(page, '/pages/me/index')
    await nutButton(currentPage(page).locator('.me-guest'), '登录').click()
    await waitForRoute(page, '/packages/account/pages/login/index')
  })

  await step(browser, 'public answers are cached; answers to a request with Authorization are not', async () => {
    // A real citizen session (through the API), so the signed-in answers are 200s.
    assert.equal((await api(stack, '/api/auth/sms-codes', { method: 'POST', body: { phone: SIGNED_IN_PHONE } })).status, 200)
    const login = await api(stack, '/api/auth/sms', { method: 'POST', body: { phone: SIGNED_IN_PHONE, code: stack.sms.latestCode(SIGNED_IN_PHONE) } })
    assert.equal(login.status, 200, 'citizen signed in through the API')
    const probe = `/api/matters/${encodeURIComponent(matterId)}?probe=signed-in`
    const cached = await page.evaluate(async ({ probe, token }) => {
      for (const path of [probe, '/api/me']) {
        const answer = await fetch(path, { headers: { Authorization: `Bearer ${token}` } })
        if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`)
        await answer.text()
      }
      const urls: string[] = []
      for (const name of await caches.keys()) {
        const cache = await caches.open(name)
        for (const request of await cache.keys()) urls.push(`${name} ${new URL(request.url).pathname}${new URL(request.url).search}`)
      }
      return urls
    }, { probe, token: login.body.token as string })
    assert.ok(cached.some((u) => u.endsWith(` /api/matters/${encodeURIComponent(matterId)}`)), `the guide's answer is cached:\n${cached.join('\n')}`)
    assert.ok(!cached.some((u) => u.includes('probe=signed-in')), 'the answer to a request with Authorization is not cached')
    assert.ok(!cached.some((u) => u.includes('/api/me')), 'no personal answer is cached')
    assert.ok(cached.some((u) => / \/index\.html(\?|$)/.test(u)), 'the shell (index.html) is precached')
  })

  await step(browser, 'offline, the guide reloads from the caches with its name and materials', async () => {
    await context.setOffline(true)
    gate.cut = true
    await page.goto(`${gate.url}${GUIDE_ROUTE}?id=${encodeURIComponent(matterId)}`)
    await waitForRoute(page, GUIDE_ROUTE)
    const guide = currentPage(page)
    await guide.locator('.guide-header__name').waitFor()
    assert.equal(await textOf(guide.locator('.guide-header__name')), SERVICE)
    const matter = (await api(stack, `/api/matters/${encodeURIComponent(matterId)}`)).body
    assert.equal(await guide.locator('.materials__item').count(), matter.materials.length, 'every material is shown')
    for (const material of matter.materials) assert.ok((await textOf(guide.locator('.materials'))).includes(material.name), material.name)
    assert.equal(await textOf(guide.locator('.offline-banner')), OFFLINE_TEXT, 'the banner says the app is offline')
    await browser.screenshot('guide-offline')
  })

  await step(browser, 'offline, the home and services tabs open, with the banner', async () => {
    await page.goto(`${gate.url}/`)
    await waitForRoute(page, '/pages/home/index')
    await currentPage(page).locator('.city-header').waitFor()
    assert.equal(await textOf(currentPage(page).locator('.offline-banner')), OFFLINE_TEXT)
    await browser.screenshot('home-offline')
    await page.locator('.weui-tabbar__item').filter({ hasText: '办事' }).click()
    await waitForRoute(page, '/pages/services/index')
    assert.equal(await textOf(currentPage(page).locator('.offline-banner')), OFFLINE_TEXT)
  })

  await step(browser, 'offline, asking for an SMS code says nothing was sent, and nothing is', async () => {
    await page.goto(`${gate.url}/packages/account/pages/login/index`)
    await waitForRoute(page, '/packages/account/pages/login/index')
    const login = currentPage(page)
    const sentBefore = browser.apiRequests.length
    const smsBefore = stack.sms.outbox.length
    await inputNamed(login, 'phone').fill('13812345678')
    await nutButton(login, '获取验证码').click()
    await login.locator('.sms-login__error').waitFor()
    assert.equal(await textOf(login.locator('.sms-login__error')), OFFLINE_WRITE_MESSAGE)
    await browser.screenshot('login-offline')
    assert.deepEqual(browser.apiRequests.slice(sentBefore).filter((r) => !r.startsWith('GET ')), [], 'the app sent no write')
    assert.equal(stack.sms.outbox.length, smsBefore, 'no SMS was sent')
    assert.deepEqual(gate.refused.filter((line) => !line.startsWith('GET ')), [], 'no write even tried to reach the server')
  })

  await step(browser, 'back online, the banner is gone', async () => {
    gate.cut = false
    await context.setOffline(false)
    await currentPage(page).locator('.offline-banner').waitFor({ state: 'detached' })
    await browser.screenshot('login-online')
  })

  assert.deepEqual(
    browser.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|net::ERR/.test(p)),
    [],
    'no page errors, console errors or 5xx responses',
  )
})

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG', 'PNG signature')
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

interface Gate {
  url: string
  /** While true, every connection is dropped before it reaches the app's server. */
  cut: boolean
  /** Requests that arrived while cut (and were dropped), as `METHOD /path`. */
  refused: string[]
  close(): Promise<void>
}

/** A forwarding gate in front of the H5 server that can be cut, like a phone losing its network. */
async function startGate(target: string): Promise<Gate> {
  const upstream = new URL(target)
  const gate: Gate = {
    url: '',
    cut: false,
    refused: [],
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
  const server: Server = createServer((req, res) => {
    if (gate.cut) {
      gate.refused.push(`${req.method} ${req.url}`)
      req.socket.destroy()
      return
    }
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  gate.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return gate
}
