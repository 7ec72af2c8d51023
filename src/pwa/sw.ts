/// <reference lib="webworker" />
/**
 * The city app's service worker (H5 production builds; config/pwa.ts compiles
 * it with Workbox's InjectManifest into dist/h5/sw.js). What it does:
 *
 * - Precaches the shell: index.html, manifest, icons, the entry's JS/CSS and
 *   the four tab pages (the list is injected at build time).
 * - Navigations: network first, always. Online, every page load gets the
 *   current index.html from the server, so a deploy is never hidden behind an
 *   old copy. Only when the network fails is the precached index.html served
 *   (the app uses browser-history routes: every path is that one file).
 *   Navigations to /api (a document opened in the browser) follow the API rule.
 * - Hashed JS/CSS (/js, /css): cache first. A name's content never changes,
 *   so pages opened once open again offline. Images (/static, not hashed):
 *   the cached copy, refreshed in the background.
 * - Public reading API (catalog, matters = service guides, halls, bundles,
 *   documents): network first, the cached copy only when offline. Answers to
 *   a request with an Authorization header, or marked no-store/private, are
 *   never written to the cache (the server marks every signed-in answer
 *   no-store). Everything else (personal API, any POST/PATCH/DELETE) is not
 *   touched: the browser sends it, or fails, as without a worker.
 *
 * Updates: `skipWaiting` + `clients.claim`. Safe here because navigations are
 * network first (a page never runs a shell older than the server's) and
 * hashed assets of an older build stay in the runtime cache, so a page still
 * running the previous build can load its lazy chunks. Runtime caches carry
 * a version; on activate, caches of other versions are deleted, and Workbox
 * drops precache entries the new list no longer names.
 */
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies'
import { ExpirationPlugin } from 'workbox-expiration'
import type { WorkboxPlugin } from 'workbox-core/types'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> }

/** Bump when the runtime caching rules change; activate deletes every `pyc-*` cache of another version. */
const VERSION = 'v1'
const STATIC_CACHE = `pyc-static-${VERSION}`
const GUIDE_CACHE = `pyc-guides-${VERSION}`
const PUBLIC_API = /^\/api\/(catalog|matters|halls|bundles|documents)(\/|$)/

self.skipWaiting()
clientsClaim()
cleanupOutdatedCaches()

// Registered before the precache route, which would answer `/` from the precache (cache first).
registerRoute(
  ({ url, request }) => request.mode === 'navigate' && !url.pathname.startsWith('/api/'),
  async ({ request }) => {
    try {
      return await fetch(request)
    } catch (error) {
      const shell = await matchPrecache('/index.html')
      if (shell) return shell
      throw error
    }
  },
)

precacheAndRoute(self.__WB_MANIFEST)

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(
        keys.filter((key) => key.startsWith('pyc-') && key !== STATIC_CACHE && key !== GUIDE_CACHE).map((key) => caches.delete(key)),
      ),
    ),
  )
})

/** Stores only public answers: 200, no Authorization on the request, no no-store/private on the answer. */
const publicOnly: WorkboxPlugin = {
  async cacheWillUpdate({ request, response }) {
    if (response.status !== 200 || request.headers.has('Authorization')) return null
    const cacheControl = response.headers.get('Cache-Control') ?? ''
    return /no-store|private/i.test(cacheControl) ? null : response
  },
}

/** One expiration per cache: the two routes below share the static cache. */
const staticExpiry = new ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true })

registerRoute(
  ({ url }) => url.origin === self.location.origin && /^\/(js|css)\//.test(url.pathname),
  new CacheFirst({ cacheName: STATIC_CACHE, plugins: [staticExpiry] }),
)

// Images keep their names across builds (no hash): serve the cached copy, refresh it behind.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/static/'),
  new StaleWhileRevalidate({ cacheName: STATIC_CACHE, plugins: [staticExpiry] }),
)

registerRoute(
  ({ url }) => url.origin === self.location.origin && PUBLIC_API.test(url.pathname),
  new NetworkFirst({
    cacheName: GUIDE_CACHE,
    plugins: [publicOnly, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })],
  }),
)
