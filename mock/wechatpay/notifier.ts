/**
 * Notification delivery with the faults real merchants see: duplicates,
 * delays, out-of-order arrival and loss, plus WeChat Pay's retries when the
 * merchant does not answer 2xx. Each send is signed afresh (a new
 * timestamp and nonce, as WeChat Pay's retries are); `redeliver` replays the
 * exact bytes and headers of an earlier send instead.
 */

export interface NotificationSwitches {
  /** Copies of every notification, sent at once (same id and body). Default 1. */
  duplicates: number
  /** Wait this long before the first send. Default 0. */
  delayMs: number
  /** Drop notifications on the floor ("lost"); the order still changes state. Default false. */
  lose: boolean
  /** Hold notifications until flush(), which sends them newest first. Default false. */
  outOfOrder: boolean
  /** Retry a notification no copy of which got a 2xx, on retryDelaysMs. Default true. */
  retry: boolean
}

export const DEFAULT_SWITCHES: NotificationSwitches = { duplicates: 1, delayMs: 0, lose: false, outOfOrder: false, retry: true }

/** WeChat Pay's documented schedule after a failed delivery: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h. */
export const WECHATPAY_RETRY_DELAYS_MS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map((s) => s * 1000)

export interface SimNotification {
  id: string
  eventType: string
  url: string
  body: string
  outTradeNo: string
  outRefundNo: string | null
  createdAt: string
}

export interface Delivery {
  notificationId: string
  eventType: string
  outTradeNo: string
  url: string
  /** 1 for the first send, 2… for retries; replays count on. */
  attempt: number
  /** The merchant's HTTP status, or what happened instead. */
  outcome: number | 'network-error' | 'lost' | 'held'
  at: string
}

export type Deliver = (url: string, headers: Record<string, string>, body: string) => Promise<{ status: number }>

export const fetchDeliver: Deliver = async (url, headers, body) => {
  // WeChat Pay waits 5 s for the merchant's answer.
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Mozilla/4.0' }, body, signal: AbortSignal.timeout(5000) })
  await res.body?.cancel()
  return { status: res.status }
}

export class Notifier {
  switches: NotificationSwitches = { ...DEFAULT_SWITCHES }
  readonly notifications: SimNotification[] = []
  readonly deliveries: Delivery[] = []
  private held: SimNotification[] = []
  private readonly pending = new Set<Promise<void>>()
  private readonly timers = new Map<NodeJS.Timeout, () => void>()
  private readonly lastSent = new Map<string, { headers: Record<string, string>; attempts: number }>()
  private closed = false

  constructor(
    private readonly sign: (body: string) => Record<string, string>,
    private readonly deliver: Deliver,
    private readonly now: () => number,
    private readonly retryDelaysMs: readonly number[],
  ) {}

  setSwitches(next: Partial<NotificationSwitches>): NotificationSwitches {
    const merged = { ...this.switches, ...next }
    if (!Number.isInteger(merged.duplicates) || merged.duplicates < 1 || merged.duplicates > 100) throw new Error('duplicates must be 1–100')
    if (!Number.isInteger(merged.delayMs) || merged.delayMs < 0) throw new Error('delayMs must be ≥ 0')
    this.switches = merged
    return this.switches
  }

  enqueue(n: SimNotification): void {
    this.notifications.push(n)
    const s = { ...this.switches }
    if (s.lose) return this.record(n, 1, 'lost')
    if (s.outOfOrder) {
      this.held.push(n)
      return this.record(n, 1, 'held')
    }
    this.later(s.delayMs, () => this.send(n, 1, s))
  }

  /** Sends held notifications newest first (or oldest first), one after the other. */
  async flush(order: 'newest-first' | 'oldest-first' = 'newest-first'): Promise<number> {
    const batch = order === 'newest-first' ? [...this.held].reverse() : [...this.held]
    this.held = []
    for (const n of batch) await this.track(this.send(n, 1, { ...this.switches, outOfOrder: false }))
    return batch.length
  }

  /** A replay: the exact body and headers of this notification's last send, again. */
  async redeliver(id: string): Promise<number | 'network-error'> {
    const n = this.notifications.find((x) => x.id === id)
    const last = this.lastSent.get(id)
    if (!n || !last) throw new Error(`notification ${id} was never sent`)
    last.attempts += 1
    return this.attempt(n, last.attempts, last.headers)
  }

  /** Resolves when nothing is scheduled or in flight (held notifications excepted). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  close(): void {
    this.closed = true
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer)
      resolve()
    }
    this.timers.clear()
  }

  private later(ms: number, fn: () => Promise<void>): void {
    if (this.closed) return
    if (ms <= 0) {
      this.track(fn())
      return
    }
    let resolve!: () => void
    this.track(new Promise<void>((r) => (resolve = r)))
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn().finally(resolve)
    }, ms)
    // A pending retry must not keep a test or `npm start` alive; close() ends it and idle() with it.
    timer.unref()
    this.timers.set(timer, resolve)
  }

  private track(p: Promise<void>): Promise<void> {
    const tracked = p.catch(() => undefined).finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
    return tracked
  }

  private async send(n: SimNotification, attempt: number, s: NotificationSwitches): Promise<void> {
    if (this.closed) return
    const results = await Promise.all(
      Array.from({ length: s.duplicates }, () => {
        const headers = this.sign(n.body)
        this.lastSent.set(n.id, { headers, attempts: Math.max(attempt, this.lastSent.get(n.id)?.attempts ?? 0) })
        return this.attempt(n, attempt, headers)
      }),
    )
    const delivered = results.some((r) => typeof r === 'number' && r >= 200 && r < 300)
    const delay = this.retryDelaysMs[attempt - 1]
    if (!delivered && s.retry && delay !== undefined) this.later(delay, () => this.send(n, attempt + 1, { ...s, duplicates: 1 }))
  }

  private async attempt(n: SimNotification, attempt: number, headers: Record<string, string>): Promise<number | 'network-error'> {
    let outcome: number | 'network-error'
    try {
      outcome = (await this.deliver(n.url, headers, n.body)).status
    } catch {
      outcome = 'network-error'
    }
    this.record(n, attempt, outcome)
    return outcome
  }

  private record(n: SimNotification, attempt: number, outcome: Delivery['outcome']): void {
    this.deliveries.push({ notificationId: n.id, eventType: n.eventType, outTradeNo: n.outTradeNo, url: n.url, attempt, outcome, at: new Date(this.now()).toISOString() })
  }
}
