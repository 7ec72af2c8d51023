import { makeAutoObservable, runInAction } from 'mobx'
import type { FeeOrderStatus } from '../../../types/enums'
import type { FeeOrderDetail, FeeOrderSummary, PaymentReceipt } from '../../../types/payments'
import { userMessage } from '../../api/ApiError'
import { paymentsApi, type PaymentsApi } from '../../api/payments'
import type { LoadEntry } from '../../stores/CaseStore'
import type { RootStore } from '../../stores/RootStore'
import { MONEY_TAKEN, SETTLED } from './labels'
import { payChannel } from './platform/pay'
import type { PayChannel } from './platform/types'
import { PAYMENT_RETURN_PATH } from './routes'

const IDLE: LoadEntry = { status: 'idle', error: null }
/** How often an open payment is asked about while the citizen waits (QR shown, or confirming). */
export const POLL_MS = 3000
/** How long a confirmation (after the pay sheet or the cashier) is waited for before the page offers 刷新. */
export const CONFIRM_WAIT_MS = 60_000

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

/** What starting a payment led to. */
export type PayOutcome =
  | { kind: 'paid' }
  /** WeChat took it; the server is still confirming (支付确认中); the store polls. */
  | { kind: 'confirming' }
  /** h5: the app left for WeChat's cashier. */
  | { kind: 'redirected' }
  /** native: a QR code is shown (`qr`) and the order is polled until paid or the code expires. */
  | { kind: 'qr' }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string }

export interface QrPayment {
  orderId: string
  codeUrl: string
  expiresAt: string
}

/** Keeps `next` unless it would show money already taken as unpaid again (a stale or out-of-order answer). */
function mergeStatus<T extends { status: FeeOrderStatus }>(known: T | undefined, next: T): T {
  if (known && MONEY_TAKEN.includes(known.status) && !MONEY_TAKEN.includes(next.status)) return { ...next, status: known.status }
  return next
}

/**
 * A citizen's fee orders (缴款单): those of a case, one order, paying it on
 * this device (JSAPI sheet in the mini-program, WeChat's H5 cashier in a phone
 * browser, a QR code on a desktop) and its receipt. WeChat Pay's record,
 * asked by the server on every read of an open payment, is authoritative:
 * this store shows the server's status, polls while a payment is being
 * confirmed, and never lets a late answer turn a paid order back to unpaid.
 *
 * Built on first use (`paymentOf`) by the payment and cases subpackages only.
 */
export class PaymentStore {
  /** The QR code being shown (native), while it can still be paid. */
  qr: QrPayment | null = null
  /** The order being started (button busy). */
  starting: string | null = null
  /** The order being polled. */
  watching: string | null = null

  private readonly orders = new Map<string, FeeOrderDetail>()
  private readonly entries = new Map<string, LoadEntry>()
  private readonly caseOrders = new Map<string, FeeOrderSummary[]>()
  private readonly caseEntries = new Map<string, LoadEntry>()
  private readonly receipts = new Map<string, PaymentReceipt>()
  private readonly receiptEntries = new Map<string, LoadEntry>()
  private timer: unknown = null
  private watchUntil = 0

  constructor(
    private readonly api: PaymentsApi,
    private readonly channel: PayChannel = payChannel,
    private readonly timers: Timers = realTimers,
  ) {
    makeAutoObservable<PaymentStore, 'api' | 'channel' | 'timers' | 'timer' | 'watchUntil'>(this, {
      api: false,
      channel: false,
      timers: false,
      timer: false,
      watchUntil: false,
    })
  }

  /** jsapi, h5 or native: how this device pays. */
  get method() {
    return this.channel.method()
  }

  // ---- the orders of a case ----

  ordersOfCase(caseId: string): FeeOrderSummary[] {
    return this.caseOrders.get(caseId) ?? []
  }

  /** Orders the citizen still has to act on or is paying (待缴费 block on the case). */
  dueOfCase(caseId: string): FeeOrderSummary[] {
    return this.ordersOfCase(caseId).filter((o) => o.status === 'unpaid' || o.status === 'paying')
  }

  caseStatus(caseId: string): LoadEntry {
    return this.caseEntries.get(caseId) ?? IDLE
  }

  loadCaseOrders(caseId: string): Promise<void> {
    this.caseEntries.set(caseId, { status: 'loading', error: null })
    return this.api.list({ caseId, pageSize: 50 }).then(
      ({ items }) =>
        runInAction(() => {
          const known = new Map(this.ordersOfCase(caseId).map((o) => [o.id, o]))
          this.caseOrders.set(
            caseId,
            items.map((o) => mergeStatus(known.get(o.id) ?? this.orders.get(o.id), o)),
          )
          this.caseEntries.set(caseId, { status: 'ready', error: null })
        }),
      (error: unknown) => runInAction(() => void this.caseEntries.set(caseId, { status: 'error', error: userMessage(error) })),
    )
  }

  // ---- one order ----

  orderById(id: string): FeeOrderDetail | undefined {
    return this.orders.get(id)
  }

  orderStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  /** GET the order; the server settles an open payment with WeChat Pay before answering. */
  loadOrder(id: string): Promise<void> {
    if (!this.orders.has(id)) this.entries.set(id, { status: 'loading', error: null })
    return this.api.get(id).then(
      (order) => this.remember(order),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  // ---- paying ----

  /**
   * Starts paying `id` the way this device pays. jsapi: WeChat's sheet, then
   * the server is asked (polling while it confirms); h5: off to the cashier;
   * native: the QR code is shown and the order polled until paid or expired.
   */
  async pay(id: string): Promise<PayOutcome> {
    if (this.starting) return { kind: 'error', message: '正在发起支付，请稍候' }
    const method = this.channel.method()
    this.starting = id
    try {
      const start = await this.api.pay(id, method === 'h5' ? { method, returnPath: PAYMENT_RETURN_PATH } : { method })
      this.markPaying(id)
      if (start.method === 'h5' && start.h5Url) {
        this.channel.openCashier(start.h5Url)
        return { kind: 'redirected' }
      }
      if (start.method === 'native' && start.codeUrl) {
        runInAction(() => (this.qr = { orderId: id, codeUrl: start.codeUrl!, expiresAt: start.expiresAt }))
        this.watch(id, Date.parse(start.expiresAt))
        return { kind: 'qr' }
      }
      if (!start.params) return { kind: 'error', message: '支付参数缺失，请稍后再试' }
      const sheet = await this.channel.requestPayment(start.params)
      if (sheet !== 'done') {
        // Closed or failed: nothing to wait for, but the server still says what it knows.
        await this.loadOrder(id)
        if (MONEY_TAKEN.includes(this.orders.get(id)?.status ?? 'unpaid')) return { kind: 'paid' }
        return sheet === 'cancelled' ? { kind: 'cancelled' } : { kind: 'error', message: '微信支付未完成，请稍后再试' }
      }
      return await this.afterReturn(id)
    } catch (error) {
      return { kind: 'error', message: userMessage(error) }
    } finally {
      runInAction(() => (this.starting = null))
    }
  }

  /**
   * Back from the pay sheet or WeChat's cashier: reads the order (the server
   * asks WeChat Pay) and, while it is still being confirmed, keeps asking.
   */
  async afterReturn(id: string): Promise<PayOutcome> {
    await this.loadOrder(id)
    const status = this.orders.get(id)?.status
    if (status && MONEY_TAKEN.includes(status)) return { kind: 'paid' }
    if (status === 'paying') {
      this.watch(id, this.timers.now() + CONFIRM_WAIT_MS)
      return { kind: 'confirming' }
    }
    return { kind: 'cancelled' }
  }

  /** Asks about `id` every POLL_MS until it settles or `until` (epoch ms) passes; one order at a time. */
  watch(id: string, until: number): void {
    this.stopWatching()
    this.watching = id
    this.watchUntil = until
    this.schedule(id)
  }

  stopWatching(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    this.watching = null
  }

  /** Drops the QR code (expired, or the citizen left the page). */
  closeQr(): void {
    this.qr = null
  }

  // ---- receipt ----

  receiptById(id: string): PaymentReceipt | undefined {
    return this.receipts.get(id)
  }

  receiptStatus(id: string): LoadEntry {
    return this.receiptEntries.get(id) ?? IDLE
  }

  loadReceipt(id: string): Promise<void> {
    this.receiptEntries.set(id, { status: 'loading', error: null })
    return this.api.receipt(id).then(
      (receipt) =>
        runInAction(() => {
          this.receipts.set(id, receipt)
          this.receiptEntries.set(id, { status: 'ready', error: null })
        }),
      (error: unknown) => runInAction(() => void this.receiptEntries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** A new session forgets every order of the last one. */
  reset(): void {
    this.stopWatching()
    this.qr = null
    this.starting = null
    this.orders.clear()
    this.entries.clear()
    this.caseOrders.clear()
    this.caseEntries.clear()
    this.receipts.clear()
    this.receiptEntries.clear()
  }

  private schedule(id: string): void {
    this.timer = this.timers.setTimeout(() => void this.tick(id), POLL_MS)
  }

  private async tick(id: string): Promise<void> {
    if (this.watching !== id) return
    await this.loadOrder(id)
    if (this.watching !== id) return
    const status = this.orders.get(id)?.status
    const settled = status !== undefined && SETTLED.includes(status)
    if (settled || this.timers.now() >= this.watchUntil) {
      runInAction(() => {
        if (this.qr?.orderId === id) this.qr = null
      })
      this.stopWatching()
      return
    }
    this.schedule(id)
  }

  /** The server moved the order to paying when it started the payment. */
  private markPaying(id: string): void {
    runInAction(() => {
      const order = this.orders.get(id)
      if (order && order.status === 'unpaid') this.orders.set(id, { ...order, status: 'paying' })
    })
  }

  private remember(order: FeeOrderDetail): void {
    runInAction(() => {
      const merged = mergeStatus(this.orders.get(order.id), order)
      this.orders.set(order.id, merged)
      this.entries.set(order.id, { status: 'ready', error: null })
      // The case's list shows the same status as the order.
      const list = this.caseOrders.get(order.caseId)
      if (list) this.caseOrders.set(order.caseId, list.map((o) => (o.id === order.id ? { ...o, status: merged.status, paidAt: merged.paidAt } : o)))
    })
  }
}

/** The payment store of this RootStore, built on first use (tests pass a fake `client`, channel and timers). */
export function paymentOf(root: RootStore, client: PaymentsApi = paymentsApi, channel?: PayChannel, timers?: Timers): PaymentStore {
  return root.feature('payment', () => new PaymentStore(client, channel, timers))
}
