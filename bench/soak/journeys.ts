/**
 * Every journey of the product, as one virtual user walks it through the real
 * HTTP API, built from the test helpers (server/test/*Helpers.ts). Citizens
 * are new each time (their own phone, ID number and client address); staff
 * sign in once per virtual user. A status a journey does not expect throws
 * (the helpers assert); 4xx a journey asks for are counted as expected.
 */
import { randomInt } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { residentId } from '../../server/test/appointmentsHelpers'
import { act, actOk, registerCase } from '../../server/test/casesHelpers'
import { fileOk, REPLY, staffActOk, uploadPhotoOk } from '../../server/test/complaintsHelpers'
import { issueOrder, openNativePayment, type PaymentsApp } from '../../server/test/paymentsHelpers'
import { attach, draft, fill, JPEG, review } from '../../server/test/prereviewHelpers'
import { bad, completedCase, good, rateOk, rectification, staffPostOk } from '../../server/test/ratingsHelpers'
import { signInByPhone, signInStaff, type TestApp } from '../../server/test/testApp'
import { httpTestApp, type HttpExchange, type Simulators } from '../../server/test/support/serverProcess'
import type { SoakStats } from './stats'

type Auth = { authorization: string }
type Citizen = Auth & { id: string; phone: string }

/** What every virtual user shares: the server, the simulators, the figures, seeded ids found at start. */
export interface World {
  url: string
  sims: Simulators
  stats: SoakStats
  departmentId: string
  walkInMatterId: string
  prereviewMatterId: string
  bookingMatterIds: string[]
  guideMatterIds: string[]
  /** Walk-in cases registered during the run, for anonymous lookups. */
  cases: { number: string; password: string; wrongTries: number }[]
}

class Unexpected extends Error {}

let citizenSeq = 0

export class VirtualUser {
  label = ''
  last: HttpExchange | null = null
  private addresses = 0
  private phones = 0
  staff!: Auth
  staffApp!: TestApp
  /** The last citizen this user signed in, for the message centre. */
  lastCitizen: Citizen | null = null

  constructor(
    readonly world: World,
    readonly index: number,
  ) {}

  /** A TestApp over HTTP whose exchanges count under this user's current journey, from `address`. */
  app(address: string): TestApp {
    return httpTestApp(this.world.url, this.world.sims, {
      headers: { 'x-forwarded-for': address },
      observe: (x) => {
        this.last = x
        this.world.stats.exchange(this.label, x)
      },
    })
  }

  /** Each journey comes from a new address of this user's own /16 (a new citizen's phone), so per-client limits see real clients. */
  nextAddress(): string {
    const n = this.addresses++ % 65_000
    return `10.${100 + this.index}.${n >> 8}.${(n & 255) + 1}`
  }

  nextPhone(prefix: '15' | '18'): string {
    return `${prefix}${String(this.index).padStart(2, '0')}${String(this.phones++).padStart(7, '0')}`
  }

  async start(): Promise<void> {
    this.staffApp = this.app(`10.${100 + this.index}.255.254`)
    this.staff = await this.as('staff sign-in', () => signInStaff(this.staffApp, 'scjg.window'))
  }

  /** Runs `fn` with its requests counted under `label`; a throw counts as a failed run (and an error unless already counted). */
  async as<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.label
    const figures = this.world.stats.journey(label)
    figures.runs++
    this.label = label
    const errorsBefore = this.world.stats.errorCount
    try {
      return await fn()
    } catch (error) {
      figures.failed++
      if (this.world.stats.errorCount === errorsBefore && !(error as { soakCounted?: boolean }).soakCounted) {
        const x = this.last
        const where = x ? `${x.method} ${x.url.split('?')[0].replace(/[0-9a-f-]{36}/g, ':id')} → ${x.status}` : 'before any request'
        this.world.stats.error(`${label}: ${where} (unexpected)`, `${(error as Error).message}`.slice(0, 400) + (x?.body ? ` | body: ${x.body.slice(0, 200)}` : ''))
      }
      ;(error as { soakCounted?: boolean }).soakCounted = true
      throw error
    } finally {
      this.label = outer
    }
  }
}

/** One request with the statuses this step accepts; a 4xx among them counts as expected. */
async function call(u: VirtualUser, t: TestApp, req: { method?: string; url: string; headers?: Record<string, string>; payload?: unknown }, ok: number[] = [200]): Promise<LightMyRequestResponse> {
  const res = await t.app.inject(req as never)
  if (!ok.includes(res.statusCode)) throw new Unexpected(`${req.method ?? 'GET'} ${req.url} → ${res.statusCode}, expected ${ok.join('/')}`)
  if (res.statusCode >= 400 && res.statusCode < 500) u.world.stats.expected4xx++
  return res
}

const pick = <T>(xs: T[]): T => xs[randomInt(xs.length)]

/** A new citizen: SMS sign-in, then the declared real name (实名). */
async function newCitizen(u: VirtualUser, t: TestApp): Promise<Citizen> {
  const phone = u.nextPhone('15')
  const who = await u.as('sign-in (SMS)', () => signInByPhone(t, phone))
  const n = citizenSeq++
  await u.as('profile & real name', async () => {
    await call(u, t, { method: 'GET', url: '/api/me', headers: { authorization: who.authorization } })
    await call(u, t, { method: 'PUT', url: '/api/me/real-name', headers: { authorization: who.authorization }, payload: { name: '李小梅', idNumber: residentId(n % 365_000) } })
  })
  const citizen = { authorization: who.authorization, phone, id: '' }
  u.lastCitizen = citizen
  return citizen
}

const SEARCHES = ['登记', '身份证', 'sfz', '社保', '营业执照', '出生', '户口']

export const journeys: Record<string, { weight: number; run(u: VirtualUser, t: TestApp): Promise<void> }> = {
  'browse home/catalog/search/guide': {
    weight: 30,
    async run(u, t) {
      await call(u, t, { url: '/api/catalog' })
      await call(u, t, { url: `/api/matters?page=${1 + randomInt(3)}&pageSize=20` })
      await call(u, t, { url: `/api/matters?q=${encodeURIComponent(pick(SEARCHES))}&audience=person` })
      await call(u, t, { url: `/api/matters/${pick(u.world.guideMatterIds)}` })
      await call(u, t, { url: '/api/halls' })
      await call(u, t, { url: '/api/bundles' })
    },
  },
  'case lookup (anonymous)': {
    weight: 10,
    async run(u, t) {
      const c = u.world.cases.length > 0 ? pick(u.world.cases) : null
      // No case registered yet: an unknown number, a new one each time (failures count per number and lock it).
      if (!c) return void (await call(u, t, { method: 'POST', url: '/api/cases/lookup', payload: { number: `NO-SUCH-${u.index}-${randomInt(1e9)}`, password: '000000' } }, [400, 401, 403, 404]))
      // At most two wrong tries per number, well under the lock (LOOKUP_MAX_FAILURES, 5).
      if (c.wrongTries < 2 && randomInt(3) === 0) {
        c.wrongTries++
        await call(u, t, { method: 'POST', url: '/api/cases/lookup', payload: { number: c.number, password: 'wrong1' } }, [400, 401, 403, 404])
      }
      await call(u, t, { method: 'POST', url: '/api/cases/lookup', payload: { number: c.number, password: c.password } })
    },
  },
  'walk-in case at the window': {
    weight: 8,
    async run(u) {
      const s = u.staffApp
      const receipt = await registerCase(s, u.staff, u.world.walkInMatterId, { applicantPhone: u.nextPhone('18') })
      const id = receipt.case.id
      await call(u, s, { url: '/api/staff/cases?page=1&pageSize=20', headers: u.staff })
      let d = await actOk(s, u.staff, id, 'accept')
      if (d.allowedActions?.includes('startHandling')) d = await actOk(s, u.staff, id, 'startHandling')
      await call(u, s, { url: `/api/staff/cases/${id}`, headers: u.staff })
      const finish = randomInt(4) === 0 ? 'disapprove' : 'approve'
      const done = await act(s, u.staff, id, finish, finish === 'disapprove' ? '材料不符合法定条件' : '')
      if (done.statusCode !== 200) throw new Unexpected(`${finish} → ${done.statusCode} ${done.body.slice(0, 200)}`)
      u.world.cases.push({ number: receipt.case.number, password: receipt.queryPassword, wrongTries: 0 })
      if (u.world.cases.length > 500) u.world.cases.splice(0, 100)
    },
  },
  'pre-review draft → pages → submit → staff review': {
    weight: 8,
    async run(u, t) {
      const c = await newCitizen(u, t)
      let d = await fill(t, c, await draft(t, c, { kind: 'matter', matterId: u.world.prereviewMatterId }))
      for (const m of d.materials) {
        for (let page = 0; page < 1 + randomInt(2); page++) await attach(t, c, d.id, m.slot.key, JPEG(8_000 + randomInt(40_000)))
      }
      d = (await call(u, t, { method: 'POST', url: `/api/prereviews/${d.id}/submit`, headers: c, payload: {} })).json()
      const partId = (d.parts[0] as unknown as { id: string }).id
      await call(u, u.staffApp, { url: '/api/staff/prereviews', headers: u.staff })
      const returning = randomInt(3) === 0
      await review(u.staffApp, u.staff, partId, returning ? 'return' : 'pass', returning ? { returns: [d.materials[0].slot.key], comment: '请重新拍摄' } : {})
      await call(u, t, { url: `/api/prereviews/${d.id}`, headers: c })
      await call(u, t, { url: '/api/prereviews', headers: c })
    },
  },
  'booking: availability, book, cancel/reschedule': {
    weight: 10,
    async run(u, t) {
      const c = await newCitizen(u, t)
      const matter = pick(u.world.bookingMatterIds)
      const av = (await call(u, t, { url: `/api/appointments/availability?matterId=${matter}`, headers: c })).json()
      const open = (av.days as { slots: { id: string; remaining: number }[] }[]).flatMap((day) => day.slots.filter((s) => s.remaining > 0))
      if (open.length < 2) throw new Unexpected(`availability of ${matter}: ${open.length} open slots`)
      const booked = await call(u, t, { method: 'POST', url: '/api/appointments', headers: c, payload: { slotId: pick(open).id } }, [200, 409])
      if (booked.statusCode === 409) return
      const id = booked.json().id
      await call(u, t, { url: '/api/appointments', headers: c })
      await call(u, t, { url: `/api/appointments/${id}`, headers: c })
      if (randomInt(2) === 0) await call(u, t, { method: 'POST', url: `/api/appointments/${id}/cancel`, headers: c, payload: { reason: '时间冲突' } })
      else await call(u, t, { method: 'POST', url: `/api/appointments/${id}/reschedule`, headers: c, payload: { slotId: pick(open).id } }, [200, 409])
    },
  },
  'fee order → WeChat Pay → paid': {
    weight: 6,
    async run(u, t) {
      const c = await newCitizen(u, t)
      const receipt = await registerCase(u.staffApp, u.staff, u.world.walkInMatterId, { applicantPhone: c.phone })
      await actOk(u.staffApp, u.staff, receipt.case.id, 'accept')
      const order = await issueOrder(u.staffApp, u.staff, receipt.case.id)
      await call(u, t, { url: '/api/payments', headers: c })
      const outTradeNo = await openNativePayment(t as PaymentsApp, c, order.id)
      u.world.sims.pay.pay(outTradeNo)
      // The simulator's notification reaches the server; the order shows paid within seconds.
      const deadline = Date.now() + 15_000
      for (;;) {
        const o = (await call(u, t, { url: `/api/payments/${order.id}`, headers: c })).json()
        if (o.status === 'paid') break
        if (Date.now() > deadline) throw new Unexpected(`fee order still ${o.status} 15 s after payment`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      await call(u, u.staffApp, { url: `/api/staff/payments/${order.id}`, headers: u.staff })
    },
  },
  'rating (good/bad) and the staff answer': {
    weight: 6,
    async run(u, t) {
      const c = await newCitizen(u, t)
      const done = await completedCase(u.staffApp, u.staff, u.world.walkInMatterId, c)
      await call(u, t, { url: '/api/ratings/rateable', headers: c })
      const isBad = randomInt(2) === 0
      const r = await rateOk(t, c, isBad ? bad(done.id) : good(done.id))
      if (isBad) {
        await call(u, u.staffApp, { url: `/api/staff/ratings/${r.id}`, headers: u.staff })
        await staffPostOk(u.staffApp, u.staff, `/${r.id}/verify`, { note: '经调阅录像，窗口确有等候过久情况' })
        await staffPostOk(u.staffApp, u.staff, `/${r.id}/rectify`, rectification)
      }
      await call(u, t, { url: `/api/ratings/${r.id}`, headers: c })
    },
  },
  'complaint with a photo and the reply': {
    weight: 5,
    async run(u, t) {
      const c = await newCitizen(u, t)
      const photo = await uploadPhotoOk(t, c, JPEG(10_000 + randomInt(30_000)))
      const filed = await fileOk(t, c, { departmentId: u.world.departmentId, photoIds: [photo.id] })
      await staffActOk(u.staffApp, u.staff, filed.id, { action: 'accept' })
      await staffActOk(u.staffApp, u.staff, filed.id, { action: 'reply', text: REPLY })
      await call(u, t, { url: `/api/complaints/${filed.id}`, headers: c })
      await call(u, t, { method: 'POST', url: `/api/complaints/${filed.id}/rating`, headers: c, payload: { satisfaction: 'satisfied' } })
    },
  },
  'message centre read/read-all': {
    weight: 7,
    async run(u, t) {
      const c = u.lastCitizen ?? (await newCitizen(u, t))
      const page = (await call(u, t, { url: '/api/notifications?page=1&pageSize=20', headers: c })).json()
      const unread = (page.items as { id: string; read: boolean }[]).find((m) => !m.read)
      if (unread) await call(u, t, { method: 'POST', url: `/api/notifications/${unread.id}/read`, headers: c }, [200, 204])
      await call(u, t, { method: 'POST', url: '/api/notifications/read-all', headers: c })
      await call(u, t, { url: '/api/cases', headers: c })
    },
  },
}

const total = Object.values(journeys).reduce((s, j) => s + j.weight, 0)

/** A journey by weight. */
export function pickJourney(): string {
  let r = randomInt(total)
  for (const [name, j] of Object.entries(journeys)) {
    if ((r -= j.weight) < 0) return name
  }
  throw new Error('unreachable')
}
