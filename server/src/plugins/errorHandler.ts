/**
 * Every failure answers with the ApiError shape and a Chinese message a user
 * can act on. Validation failures name the field. Unexpected errors are
 * logged (without request bodies) and answered 500 without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import { HttpError } from '../errors'
import { validationMessage } from './validationMessages'

const UNIQUE_VIOLATION = '23505'

/** The PostgreSQL SQLSTATE of an error, also when Drizzle wraps the driver's error as its cause. */
function pgErrorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return undefined
}

/**
 * Errors Fastify raises before routing (they bypass the error handler): a URL
 * that does not decode, a path parameter past maxParamLength.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const [statusCode, message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, '请求地址过长，请检查后重试'] : error.code === 'FST_ERR_BAD_URL' ? [400, '请求地址格式不正确，请检查后重试'] : [500, '服务器开小差了，请稍后重试']
  reply.status(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message })
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (statusCode: number, message: string, field?: string) =>
      reply.status(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, field })

    if (error instanceof HttpError) return send(error.statusCode, error.message, error.field)
    if (error.validation) {
      const { message, field } = validationMessage(error.validation, error.validationContext)
      return send(400, message, field)
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return send(400, '请求内容不是有效的 JSON')
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return send(400, '请求内容不能为空')
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, '不支持的请求内容类型')
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, '请求内容过大')
    if (error.statusCode === 429) return send(429, '请求过于频繁，请稍后再试')
    // A unique constraint lost a race that the service's own check passed: the other request won.
    if (pgErrorCode(error) === UNIQUE_VIOLATION) return send(409, '该信息刚被其他操作占用，请刷新后重试')
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, '请求无效，请检查后重试')
    }
    request.log.error({ err: error }, 'unhandled error')
    return send(500, '服务器开小差了，请稍后重试')
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: '请求的接口不存在' })
  })
}
