import { IdParams, errorResponses } from '../../../../types/common'
import {
  CancelFeeOrderRequest,
  CreateFeeOrderRequest,
  FeeItemsOfCase,
  FeeItemsQuery,
  FeeOrderDetail,
  FeeOrderPage,
  RefundFeeOrderRequest,
  StaffFeeOrderQuery,
} from '../../../../types/payments'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/** Fee orders for staff: their department's (admin: all). Refunds: department lead or admin. */
const staffPayments: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const { feeOrders } = services.payments
  // Every answer showing a fee order (payer name, masked) is recorded before it is served.
  const audit = readAudit(services.database.db)

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: "My department's fee orders, newest first", querystring: StaffFeeOrderQuery, response: { 200: FeeOrderPage, ...errorResponses } },
    },
    async (request) => {
      const page = await feeOrders.list(request.staffMember, request.query)
      return audit.list(request.staffMember, 'feeOrder', page.items.map((o) => o.id), page)
    },
  )

  app.get(
    '/fee-items',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: "The case's matter fee items (办事指南 收费), to prefill a fee order", querystring: FeeItemsQuery, response: { 200: FeeItemsOfCase, ...errorResponses } },
    },
    async (request) => feeOrders.feeItems(request.staffMember, request.query.caseId),
  )

  app.post(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Issue a fee order (缴款单) on a case of my department; the citizen is told (待缴费)',
        description: '201 created; 200 with the same order when the clientKey was seen.',
        body: CreateFeeOrderRequest,
        response: { 200: FeeOrderDetail, 201: FeeOrderDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, detail } = await feeOrders.create(request.staffMember, request.body)
      return reply.status(created ? 201 : 200).send(await audit.one(request.staffMember, 'feeOrder', detail.id, detail))
    },
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'A fee order of my department', params: IdParams, response: { 200: FeeOrderDetail, ...errorResponses } },
    },
    async (request) => audit.one(request.staffMember, 'feeOrder', request.params.id, await feeOrders.staffGet(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/cancel',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Withdraw an unpaid fee order (closes any open WeChat Pay order; 409 when it turned out paid)',
        params: IdParams,
        body: CancelFeeOrderRequest,
        response: { 200: FeeOrderDetail, ...errorResponses },
      },
    },
    async (request) => audit.one(request.staffMember, 'feeOrder', request.params.id, await feeOrders.cancel(request.staffMember, request.params.id, request.body.reason)),
  )

  app.post(
    '/:id/refund',
    {
      preHandler: app.requireStaff('lead', 'admin'),
      schema: {
        tags,
        security,
        summary: 'Refund a paid fee order in full (department lead or admin); idempotent',
        params: IdParams,
        body: RefundFeeOrderRequest,
        response: { 200: FeeOrderDetail, ...errorResponses },
      },
    },
    async (request) => audit.one(request.staffMember, 'feeOrder', request.params.id, await feeOrders.refund(request.staffMember, request.params.id, request.body.reason)),
  )
}

export default staffPayments
