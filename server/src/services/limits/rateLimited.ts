import type { FastifyInstance } from 'fastify'
import { HttpError } from '../../errors'

/**
 * A 429 that says when to come back: the error handler answers it in the
 * usual shape (statusCode, error, Chinese message) and `Retry-After` carries
 * the same wait in seconds.
 */
export class RateLimited extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    field?: string,
  ) {
    super(429, message, field)
  }
}

/** A wait as a citizen reads it: "45秒", "8分钟", "2小时" (rounded up). */
export function waitLabel(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds))
  if (s < 60) return `${s}秒`
  if (s < 3600) return `${Math.ceil(s / 60)}分钟`
  return `${Math.ceil(s / 3600)}小时`
}

/** `${what}，请8分钟后再试` with the matching Retry-After. */
export const rateLimited = (what: string, retryAfterSeconds: number, field?: string) =>
  new RateLimited(`${what}，请${waitLabel(retryAfterSeconds)}后再试`, Math.max(1, Math.ceil(retryAfterSeconds)), field)

/** Sets Retry-After on every RateLimited answer (onError runs before the error handler writes the body). */
export function registerRetryAfter(app: FastifyInstance): void {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RateLimited) reply.header('Retry-After', String(error.retryAfterSeconds))
  })
}
