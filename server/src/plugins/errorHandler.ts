/**
 * Every failure answers with the ApiError shape and a Chinese message a user
 * can act on. Validation failures name the field. Unexpected errors are
 * logged (without request bodies) and answered 500 without details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import { HttpError, loggableError, pgErrorCode } from '../errors'
import { validationMessage } from './validationMessages'

/**
 * PostgreSQL data and integrity errors that only input can cause (a service's
 * own checks should come first and name the field; these are the safety net).
 * Class 22 is data the column cannot hold, class 23 a constraint.
 */
const DATABASE_REFUSALS: Record<string, [number, string]> = {
  '22021': [400, '内容含有无法保存的字符（如空字符），请删除后重试'],
  '22P05': [400, '内容含有无法保存的字符（如空字符），请删除后重试'],
  '22P02': [400, '请求参数格式不正确，请检查后重试'],
  '22003': [400, '数值超出允许范围，请检查后重试'],
  '22001': [400, '内容过长，请精简后重试'],
  '22007': [400, '日期或时间格式不正确，请检查后重试'],
  '22008': [400, '日期或时间超出允许范围，请检查后重试'],
  '22012': [400, '数值超出允许范围，请检查后重试'],
  // A unique constraint lost a race that the service's own check passed: the other request won.
  '23505': [409, '该信息刚被其他操作占用，请刷新后重试'],
  '23503': [409, '相关的信息不存在或已被删除，请刷新后重试'],
  '23502': [400, '请填写完整后重试'],
  '23514': [400, '提交的内容不符合要求，请检查后重试'],
  // Not input: the transaction lost to a concurrent one (deadlock victim, serialisation failure) and
  // was rolled back whole, so sending the same request again is safe.
  '40P01': [409, '与其他操作同时提交，未能完成，请重试'],
  '40001': [409, '与其他操作同时提交，未能完成，请重试'],
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
    const database = DATABASE_REFUSALS[pgErrorCode(error) ?? '']
    if (database) {
      request.log.warn(loggableError(error), 'the database refused the request')
      return send(...database)
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, '请求无效，请检查后重试')
    }
    request.log.error(loggableError(error), 'unhandled error')
    return send(500, '服务器开小差了，请稍后重试')
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: '请求的接口不存在' })
  })
}
