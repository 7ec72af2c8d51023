/**
 * The access-control matrix (accessMatrix/matrix.ts) against the live API: every
 * operation of /api/openapi.json must have an entry, and for each entry every
 * role gets exactly what the matrix says on citizen A's resources. Refusals and
 * reads run first on shared resources; allowed writes run last on fresh ones.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFixture, ROLES, type Fixture, type Role } from './accessMatrix/fixture'
import { matrix, type AccessEntry, type Req } from './accessMatrix/matrix'
import { hashToken } from '../src/services/auth/tokens'
import { startTestApp, type TestApp } from './testApp'
import { apiOperations } from './support/apiOperations'

let t: TestApp
let fx: Fixture
const specOps: string[] = []

before(async () => {
  t = await startTestApp()
  specOps.push(...(await apiOperations(t.app)))
  fx = await buildFixture(t)
})
after(() => t?.close())

const entries = Object.entries(matrix)
/** "METHOD /path #variant" → "METHOD /path". */
const opOf = (key: string) => key.split(' #')[0]
const allowed = (e: AccessEntry): Role[] => (e.ok === 'public' ? [...ROLES] : e.ok)

function expected(e: AccessEntry, role: Role): number[] | 'ok' {
  if (allowed(e).includes(role)) return 'ok'
  return e.refused?.[role] ?? (role === 'anonymous' ? [401] : [403, 404])
}

async function call(key: string, role: Role, req: Req) {
  const method = key.slice(0, key.indexOf(' ')) as 'GET'
  return t.app.inject({
    method,
    url: req.url,
    headers: { ...fx.headers[role], ...req.headers },
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
    ...(req.remoteAddress ? { remoteAddress: req.remoteAddress } : {}),
  })
}

const shown = (body: string) => body.slice(0, 160)

describe('the matrix covers the API', () => {
  test('every operation of openapi.json has an access entry', () => {
    const covered = new Set(Object.keys(matrix).map(opOf))
    const missing = specOps.filter((op) => !covered.has(op))
    assert.ok(specOps.length > 50, `the spec lists the API (${specOps.length} operations)`)
    assert.deepEqual(missing.map((op) => `add an access entry for ${op}`), [])
  })
  test('every entry names an operation of openapi.json', () => {
    const stale = Object.keys(matrix).filter((key) => !specOps.includes(opOf(key)))
    assert.deepEqual(stale.map((op) => `no such operation: ${op} (remove or rename its access entry)`), [])
  })
})

describe('refusals and reads on A’s resources', () => {
  for (const [op, e] of entries) {
    if (!e.request) continue
    test(op, async () => {
      // Nothing here changes state (allowed writes run last), so the roles go at once.
      const checks = ROLES.map(async (role): Promise<string | null> => {
        const want = expected(e, role)
        if (want === 'ok' && e.write) return null
        const res = await call(op, role, await e.request!(fx, role))
        if (want === 'ok') {
          if (res.statusCode < 200 || res.statusCode > 299) return `${role}: expected 2xx, got ${res.statusCode} ${shown(res.body)}`
          if (e.sees && e.marker) {
            const has = res.body.includes(e.marker(fx))
            if (has !== e.sees.includes(role)) return `${role}: ${has ? 'sees' : 'does not see'} A's resource in the answer`
          }
          return null
        }
        return want.includes(res.statusCode) ? null : `${role}: expected ${want.join('/')}, got ${res.statusCode} ${shown(res.body)}`
      })
      const wrong = (await Promise.all(checks)).filter((w): w is string => w !== null)
      assert.deepEqual(wrong, [], `${op}\n  ${wrong.join('\n  ')}`)
    })
  }
})

describe("another citizen's writes leave A's resources alone", () => {
  test("B's 全部已读 marks none of A's messages", async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: fx.headers.citizenB })
    assert.equal(res.statusCode, 200, res.body)
    const mine = (await t.app.inject({ url: '/api/notifications', headers: fx.headers.citizenA })).json()
    const message = mine.items.find((n: { id: string }) => n.id === fx.notification.id)
    assert.equal(message?.read, false, "A's message is still unread")
  })
})

describe('allowed writes', () => {
  for (const [op, e] of entries) {
    if (!e.write) continue
    const roles = e.probe ? [e.probe] : e.fresh || e.repeatable ? allowed(e) : allowed(e).slice(0, 1)
    if (roles.length === 0) continue
    test(op, async () => {
      // Each role acts on its own fresh resource (or a repeatable request), so they go at once.
      const checks = roles.map(async (role) => {
        const req = e.fresh ? await e.fresh(fx, role) : await e.request!(fx, role)
        const res = await call(op, role, req)
        return res.statusCode >= 200 && res.statusCode <= 299 ? null : `${role}: expected 2xx, got ${res.statusCode} ${shown(res.body)}`
      })
      const wrong = (await Promise.all(checks)).filter((w): w is string => w !== null)
      assert.deepEqual(wrong, [], `${op}\n  ${wrong.join('\n  ')}`)
    })
  }
})

describe('sessions', () => {
  test('a signed-out token opens nothing any more', async () => {
    for (const role of ['citizenA', 'd1Lead'] as const) {
      const session = await fx.make.session(role)
      const probe = role === 'citizenA' ? '/api/me' : '/api/staff/me'
      assert.equal((await t.app.inject({ url: probe, headers: session })).statusCode, 200)
      assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/auth/session', headers: session })).statusCode, 204)
      assert.equal((await t.app.inject({ url: probe, headers: session })).statusCode, 401, `${role} after sign-out`)
    }
  })
  test('an expired or made-up token is no sign-in', async () => {
    const session = await fx.make.session('d1Lead')
    const token = session.authorization.slice('Bearer '.length)
    await t.db.database.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashToken(token)])
    assert.equal((await t.app.inject({ url: '/api/staff/me', headers: session })).statusCode, 401, 'expired')
    const madeUp = { authorization: `Bearer ${'x'.repeat(43)}` }
    assert.equal((await t.app.inject({ url: '/api/me', headers: madeUp })).statusCode, 401, 'made-up')
    assert.equal((await t.app.inject({ url: '/api/staff/me', headers: { authorization: fx.headers.admin.authorization.toLowerCase() } })).statusCode, 401, 'mangled')
  })
})

describe('signed file URLs', () => {
  test("the signature is the credential: a page's URL opens only that page, and not without it", async () => {
    const page = new URL(fx.prereview.fileUrl, 'http://x')
    const other = new URL((await fx.make.draft()).fileId, 'http://x/api/files/')
    for (const role of ROLES) {
      const bare = await t.app.inject({ url: page.pathname, headers: fx.headers[role] })
      assert.ok(bare.statusCode >= 400 && bare.statusCode < 500, `${role} without signature: ${bare.statusCode}`)
      const swapped = await t.app.inject({ url: `${other.pathname}${page.search}`, headers: fx.headers[role] })
      assert.ok(swapped.statusCode >= 400 && swapped.statusCode < 500, `${role} with another page's signature: ${swapped.statusCode}`)
    }
  })
})
