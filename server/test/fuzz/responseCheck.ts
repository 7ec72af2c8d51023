/**
 * What every answer to a fuzzed request must be: not 5xx, and a 4xx body in
 * the documented error shape (ApiError: statusCode, error, a Chinese message)
 * that leaks neither stack traces nor SQL.
 */
import type { JsonSchema } from './schemaArbitrary'
import type { FuzzRequest } from './operations'

const CJK = /[\u4e00-\u9fff]/
const STACK = /\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules|Error: /
const SQL = /\b(select .+ from|insert into|update .+ set|delete from|violates|relation "|column "|syntax error at|duplicate key|invalid input syntax|out of range for type|value too long for type|SQLSTATE|pg_|drizzle)\b/i

export interface Answer {
  statusCode: number
  body: string
  headers: Record<string, unknown>
}

/** A problem with the answer, or null when it is fine. */
export function answerProblem(res: Answer, documented: JsonSchema | undefined): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`
  if (res.statusCode < 400) return null
  let body: any
  try {
    body = JSON.parse(res.body)
  } catch {
    return `${res.statusCode} body is not JSON`
  }
  if (!body || typeof body !== 'object') return `${res.statusCode} body is not an object`
  if (STACK.test(res.body)) return `${res.statusCode} body shows a stack trace`
  if (SQL.test(res.body)) return `${res.statusCode} body shows SQL or database internals`
  if (typeof body.message !== 'string' || body.message.trim() === '') return `${res.statusCode} without a message`
  // An operation may document its own error shape (the WeChat Pay notification answers {code, message}).
  const own = documented && !documented.properties?.statusCode
  if (own) {
    for (const key of documented.required ?? []) if (!(key in body)) return `${res.statusCode} body lacks documented "${key}"`
    return null
  }
  if (body.statusCode !== res.statusCode) return `${res.statusCode} body has statusCode ${body.statusCode}`
  if (typeof body.error !== 'string' || body.error === '') return `${res.statusCode} body without "error"`
  if (!CJK.test(body.message)) return `${res.statusCode} message is not Chinese: ${body.message}`
  if (body.field !== undefined && typeof body.field !== 'string') return `${res.statusCode} field is not a string`
  return null
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s)

/** The failing request and answer, short enough to read. */
export function describe(req: FuzzRequest, res: Answer | null, serverError: unknown): string {
  const payload = req.payload === undefined ? '' : Buffer.isBuffer(req.payload) ? `<${req.payload.length} bytes> ${cut(req.payload.toString('latin1'), 200)}` : cut(req.payload, 300)
  const lines = [
    `  role: ${req.role} (${req.label})`,
    `  request: ${req.method} ${cut(req.url, 300)}`,
    `  content-type: ${req.headers['content-type'] ?? '(none)'}`,
    `  body: ${payload}`,
    res ? `  answer: ${res.statusCode} ${cut(res.body, 400)}` : '  answer: none',
  ]
  if (serverError) lines.push(`  server error: ${cut(serverError instanceof Error ? `${serverError.name}: ${serverError.message} ${String((serverError as any).code ?? '')}` : String(serverError), 500)}`)
  return lines.join('\n')
}
