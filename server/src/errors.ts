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
