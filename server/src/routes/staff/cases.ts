import { IdParams, errorResponses } from '../../../../types/common'
import {
  CaseActionRequest,
  CaseDetail,
  CasePage,
  MailResultRequest,
  StaffCaseListQuery,
  WalkInReceipt,
  WalkInRequest,
} from '../../../../types/cases'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

const staffCases: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  // Every answer showing a citizen's case is recorded before it is served (services/auditReads.ts).
  const audit = readAudit(services.database.db)

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: "My department's case queue (admin: all), most urgent first, with lights",
        querystring: StaffCaseListQuery,
        response: { 200: CasePage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await services.cases.queue(request.staffMember, request.query)
      return audit.list(request.staffMember, 'case', page.items.map((c) => c.id), page)
    },
  )

  app.post(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Register a walk-in case at the window (窗口收件); the query password is returned once',
        body: WalkInRequest,
        response: { 200: WalkInReceipt, ...errorResponses },
      },
    },
    async (request) => {
      const receipt = await services.cases.register(request.staffMember, request.body)
      return audit.one(request.staffMember, 'case', receipt.case.id, receipt)
    },
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'A case of my department', params: IdParams, response: { 200: CaseDetail, ...errorResponses } },
    },
    async (request) => audit.one(request.staffMember, 'case', request.params.id, await services.cases.staffGet(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/actions',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Advance a case (accept, handle, special procedure, complete…); 409 when not allowed now',
        params: IdParams,
        body: CaseActionRequest,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) =>
      audit.one(request.staffMember, 'case', request.params.id, await services.cases.act(request.staffMember, request.params.id, request.body.action, request.body.comment ?? '')),
  )

  app.put(
    '/:id/delivery',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Record the courier and tracking number of a mailed result',
        params: IdParams,
        body: MailResultRequest,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => audit.one(request.staffMember, 'case', request.params.id, await services.cases.setDelivery(request.staffMember, request.params.id, request.body)),
  )

  app.post(
    '/:id/tolerance-fulfilled',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: '容缺受理: record that the promised materials were supplied',
        params: IdParams,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => audit.one(request.staffMember, 'case', request.params.id, await services.cases.fulfilTolerance(request.staffMember, request.params.id)),
  )
}
export default staffCases
