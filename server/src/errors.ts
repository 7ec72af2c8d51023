/** An error whose message a user can act on; the error handler turns it into a 4xx. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, field?: string) => new HttpError(400, message, field)
export const unauthorized = (message = '请先登录') => new HttpError(401, message)
export const forbidden = (message: string) => new HttpError(403, message)
export const notFound = (message: string) => new HttpError(404, message)
export const conflict = (message: string, field?: string) => new HttpError(409, message, field)
export const tooMany = (message: string, field?: string) => new HttpError(429, message, field)
export const unavailable = (message: string) => new HttpError(503, message)

/** The PostgreSQL SQLSTATE of an error, also when Drizzle wraps the driver's error as its cause. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return undefined
}

/**
 * What of an error goes to the log. A database error carries the statement's
 * parameters (Drizzle's message) and the offending values (PostgreSQL's
 * detail): a phone or an ID number can be among them. Of those, only where it
 * happened is logged; other errors as they are.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const code = pgErrorCode(error)
  if (!code) return { err: error }
  let db = error as { cause?: unknown; table?: unknown; constraint?: unknown; column?: unknown; routine?: unknown }
  while (db.cause && !(typeof (db as { code?: unknown }).code === 'string')) db = db.cause as typeof db
  const { table, constraint, column, routine } = db
  return { db: { code, table, constraint, column, routine }, errorType: (error as Error).name }
}

const ID_OR_MOBILE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|1[3-9]\d{9})(?![0-9A-Za-z])/g

/** A URL for the log: ID numbers and mobile numbers in it (typed into a path or a query) masked. */
export function loggableUrl(url: string): string {
  return url.replace(ID_OR_MOBILE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
}
