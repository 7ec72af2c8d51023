import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../../types/common'
import { CitizenFeeOrderQuery, FeeOrderDetail, FeeOrderPage, PayRequest, PayStart, PaymentReceipt, WechatPayNotifyFailure } from '../../../types/payments'
import type { RoutePlugin } from './types'

/** Payment (缴费) for citizens: the fee orders of their own cases; and WeChat Pay's notifications. */
const citizenPayments: RoutePlugin = async (app, { services }) => {
  const tags = ['payments']
  const security = [{ bearer: [] }]
  const { feeOrders, starter } = services.payments

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'Fee orders (缴款单) of my cases, newest first', querystring: CitizenFeeOrderQuery, response: { 200: FeeOrderPage, ...errorResponses } },
    },
    async (request) => feeOrders.listMine(request.citizen, request.query),
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'One fee order of my case; while a payment is open the server asks WeChat Pay first',
        description: 'Poll this after requestPayment, on return from the H5 cashier, and every few seconds while a QR code is shown.',
        params: IdParams,
        response: { 200: FeeOrderDetail, ...errorResponses },
      },
    },
    async (request) => feeOrders.getMine(request.citizen, request.params.id),
  )

  app.post(
    '/:id/pay',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Start paying: jsapi → signed requestPayment params; h5 → h5Url; native → codeUrl (QR)',
        description: '429 beyond PAYMENT_START_HOURLY_LIMIT starts per hour, 5 per fee order or 100 per client in 10 minutes (Retry-After); 409 paid / cancelled / past the deadline / jsapi without WeChat sign-in; 503 when WeChat Pay is unavailable.',
        params: IdParams,
        body: PayRequest,
        response: { 200: PayStart, ...errorResponses },
      },
    },
    async (request) => {
      await services.limits.paymentStart(request.params.id, request.ip)
      return starter.start(request.citizen, request.params.id, request.body, request.ip)
    },
  )

  app.get(
    '/:id/receipt',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'The receipt (电子票据 view) of a paid order; 409 until paid', params: IdParams, response: { 200: PaymentReceipt, ...errorResponses } },
    },
    async (request) => feeOrders.receipt(request.citizen, request.params.id),
  )

  // WeChat Pay notifications: the signature covers the raw bytes, so this route alone reads its body as a Buffer.
  await app.register(async (notify) => {
    notify.removeAllContentTypeParsers()
    notify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body))
    notify.post(
      '/wechat/notify',
      {
        schema: {
          tags,
          summary: 'WeChat Pay payment and refund notifications (verified over the raw body)',
          description: '204 when applied or already seen; 401 signature/serial/timestamp; 400 undecryptable or not matching our order; nothing changes on 4xx.',
          response: { 204: Type.Null(), 400: WechatPayNotifyFailure, 401: WechatPayNotifyFailure, 503: WechatPayNotifyFailure },
        },
      },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
        const outcome = await services.payments.notifications.handle(request.headers, raw)
        if (outcome.status === 204) return reply.status(204).send()
        request.log.warn({ reason: outcome.reason }, 'WeChat Pay notification rejected')
        return reply.status(outcome.status).send({ code: 'FAIL', message: outcome.message })
      },
    )
  })
}

export default citizenPayments
