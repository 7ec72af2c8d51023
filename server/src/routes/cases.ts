import { IdParams, errorResponses } from '../../../types/common'
import { CaseDetail, CaseListQuery, CaseLookupRequest, CasePage, CaseProgress, WithdrawRequest } from '../../../types/cases'
import { clientKeyOf } from '../services/cases/caseLookup'
import type { RoutePlugin } from './types'

const citizenCases: RoutePlugin = async (app, { services }) => {
  const tags = ['cases']
  const security = [{ bearer: [] }]

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'My cases (我的办件), newest first', querystring: CaseListQuery, response: { 200: CasePage, ...errorResponses } },
    },
    async (request) => services.cases.listMine(request.citizen, request.query.page ?? 1, request.query.pageSize ?? 20),
  )

  app.post(
    '/lookup',
    {
      schema: {
        tags,
        summary: 'Anonymous progress lookup by case number and query password',
        description: 'The same 404 for a wrong number and a wrong password; 429 when the client or the number is rate-limited.',
        body: CaseLookupRequest,
        response: { 200: CaseProgress, ...errorResponses },
      },
    },
    async (request) => services.caseLookup.lookup(request.body.number, request.body.password, clientKeyOf(request.ip)),
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'One of my cases, with its timeline', params: IdParams, response: { 200: CaseDetail, ...errorResponses } },
    },
    async (request) => services.cases.getMine(request.citizen, request.params.id),
  )

  app.post(
    '/:id/withdraw',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Withdraw my application (撤回) while still allowed',
        params: IdParams,
        body: WithdrawRequest,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => services.cases.withdraw(request.citizen, request.params.id, request.body.reason),
  )
}
export default citizenCases
