/** What the soak counts: requests and latencies per journey, answers per status class, distinct errors, memory samples. */
import type { HttpExchange } from '../../server/test/support/serverProcess'

export interface JourneyFigures {
  runs: number
  failed: number
  requests: number
  latencies: number[]
}

export interface MemorySample {
  /** Seconds since the load started. */
  t: number
  rssMiB: number
}

/** Ids, numbers and hex tokens out of a path, so one route is one error kind. */
const routeOf = (url: string) =>
  url
    .split('?')[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*(?=\/|$)/g, '/:n')

export class SoakStats {
  readonly journeys = new Map<string, JourneyFigures>()
  readonly statuses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }
  /** 4xx answers a journey asked for (a wrong password, a full slot). */
  expected4xx = 0
  errorCount = 0
  readonly errors = new Map<string, { count: number; example: string }>()
  readonly memory: MemorySample[] = []

  journey(name: string): JourneyFigures {
    let j = this.journeys.get(name)
    if (!j) this.journeys.set(name, (j = { runs: 0, failed: 0, requests: 0, latencies: [] }))
    return j
  }

  /** Every exchange: its latency under the journey, its status class; 5xx and no answer are errors right away. */
  exchange(journey: string, x: HttpExchange): void {
    const j = this.journey(journey)
    j.requests++
    j.latencies.push(x.ms)
    if (x.status === 0) {
      this.statuses.network++
      this.error(`${journey}: ${x.method} ${routeOf(x.url)} → no answer`, `${x.method} ${x.url}: ${String((x.error as Error)?.message ?? x.error)}`)
    } else {
      const cls = `${Math.floor(x.status / 100)}xx` as keyof SoakStats['statuses']
      if (cls in this.statuses) this.statuses[cls]++
      if (x.status >= 500) this.error(`${journey}: ${x.method} ${routeOf(x.url)} → ${x.status}`, `${x.method} ${x.url} → ${x.status} ${x.body?.slice(0, 300) ?? ''}`)
    }
  }

  error(kind: string, example: string): void {
    this.errorCount++
    const e = this.errors.get(kind)
    if (e) e.count++
    else this.errors.set(kind, { count: 1, example })
  }
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]

/** Least-squares slope of rss over t, in MiB per minute. */
export function slopePerMinute(samples: MemorySample[]): number {
  const n = samples.length
  if (n < 2) return NaN
  const mt = samples.reduce((s, x) => s + x.t, 0) / n
  const mr = samples.reduce((s, x) => s + x.rssMiB, 0) / n
  let num = 0
  let den = 0
  for (const x of samples) {
    num += (x.t - mt) * (x.rssMiB - mr)
    den += (x.t - mt) ** 2
  }
  return den === 0 ? NaN : (num / den) * 60
}

export interface GcSample {
  /** Seconds since the load started. */
  t: number
  kind: string
  /** Heap used after this collection, MiB (V8 prints MB = MiB). */
  afterMiB: number
}

const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: ([A-Za-z -]+?)(?: \([a-z ]+\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/

/**
 * The server's `--trace-gc` lines, of its main isolate only (the tsx loader
 * runs in a second one: the isolate with the largest heap is the app's).
 * `loadStartMs`: process uptime when the load started.
 */
export function gcSamples(output: string, loadStartMs: number): GcSample[] {
  const byIsolate = new Map<string, GcSample[]>()
  for (const line of output.split('\n')) {
    const m = GC_LINE.exec(line)
    if (!m) continue
    const list = byIsolate.get(m[1]) ?? []
    list.push({ t: (Number(m[2]) - loadStartMs) / 1000, kind: m[3], afterMiB: Number(m[6]) })
    byIsolate.set(m[1], list)
  }
  const peak = (xs: GcSample[]) => Math.max(...xs.map((x) => x.afterMiB))
  return [...byIsolate.values()].sort((a, b) => peak(b) - peak(a))[0] ?? []
}

/** Server output without the --trace-gc lines. */
export const withoutGcLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => !GC_LINE.test(l))
    .join('\n')
