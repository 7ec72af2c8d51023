/**
 * One concurrent burst of writes against a server process, cut off by kill -9
 * once a share of the answers has arrived, with every request and its answer
 * recorded: what the client was told is what must survive the crash.
 */
import type { TestApp } from '../testApp'

export type Kind = 'submit' | 'book' | 'pay' | 'complain' | 'upload'

export interface BurstRequest {
  kind: Kind
  /** What the request is about (a pre-review, a slot, a fee order, …), for the checks. */
  subject: string
  /** The citizen's authorization header. */
  who: { authorization: string }
  method: 'POST'
  url: string
  headers?: Record<string, string>
  payload?: unknown
}

export interface Outcome {
  request: BurstRequest
  /** Undefined when the connection was cut (no answer: unacknowledged). */
  status?: number
  body?: any
  /** The answer was a 2xx: the server acknowledged the write. */
  acknowledged: boolean
}

export function send(t: TestApp, r: BurstRequest) {
  return t.app.inject({ method: r.method, url: r.url, headers: { ...r.who, ...(r.headers ?? {}) }, payload: r.payload as never })
}

/**
 * Sends all requests at once; when `killAfter` answers have arrived, calls
 * `kill` (kill -9 of the server). Requests whose connection breaks count as
 * unacknowledged. Resolves when every request has an outcome.
 */
export async function burst(t: TestApp, requests: BurstRequest[], killAfter: number, kill: () => Promise<void>): Promise<{ outcomes: Outcome[]; killed: Promise<void> }> {
  let answered = 0
  let killed: Promise<void> | null = null
  const outcomes = await Promise.all(
    requests.map(async (request): Promise<Outcome> => {
      try {
        const res = await send(t, request)
        const text = res.body
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // not JSON: keep the text
        }
        return { request, status: res.statusCode, body, acknowledged: res.statusCode >= 200 && res.statusCode < 300 }
      } catch {
        return { request, acknowledged: false }
      } finally {
        answered += 1
        if (answered >= killAfter && !killed) killed = kill()
      }
    }),
  )
  return { outcomes, killed: killed ?? kill() }
}

/** Counts per kind: sent, acknowledged, refused (4xx/5xx answered), cut off (no answer). */
export function tally(outcomes: Outcome[]): Record<string, { sent: number; acknowledged: number; refused: number; cut: number }> {
  const out: Record<string, { sent: number; acknowledged: number; refused: number; cut: number }> = {}
  for (const o of outcomes) {
    const row = (out[o.request.kind] ??= { sent: 0, acknowledged: 0, refused: 0, cut: 0 })
    row.sent += 1
    if (o.acknowledged) row.acknowledged += 1
    else if (o.status === undefined) row.cut += 1
    else row.refused += 1
  }
  return out
}
