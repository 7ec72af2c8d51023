import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../../types/common'
import {
  CreatePrereviewRequest,
  PrereviewDetail,
  PrereviewDraftPatch,
  PrereviewForm,
  PrereviewFormQuery,
  PrereviewListQuery,
  PrereviewPage,
  SubmitPrereviewRequest,
  WithdrawPrereviewRequest,
} from '../../../types/prereviews'
import type { RoutePlugin } from './types'

/** The citizen's pre-reviews (预审). Pages of materials: routes/prereviewFiles.ts. */
const prereviewRoutes: RoutePlugin = async (app, { services }) => {
  const tags = ['prereviews']
  const security = [{ bearer: [] }]
  const citizen = { preHandler: app.requireCitizen }

  app.get(
    '/form',
    {
      schema: {
        tags,
        summary: 'What a pre-review of a service or a 一件事 bundle asks for: parts, form fields, materials',
        querystring: PrereviewFormQuery,
        response: { 200: PrereviewForm, ...errorResponses },
      },
    },
    async (request) => services.prereviews.form(request.query),
  )

  app.post(
    '/',
    {
      ...citizen,
      schema: {
        tags,
        security,
        summary: 'Start a draft; the same clientKey answers the same draft (200) instead of a new one (201)',
        body: CreatePrereviewRequest,
        response: { 200: PrereviewDetail, 201: PrereviewDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, detail } = await services.prereviews.create(request.citizen, request.body)
      return reply.code(created ? 201 : 200).send(detail)
    },
  )

  app.get(
    '/',
    { ...citizen, schema: { tags, security, summary: 'My pre-reviews, latest change first', querystring: PrereviewListQuery, response: { 200: PrereviewPage, ...errorResponses } } },
    async (request) => services.prereviews.list(request.citizen, request.query.page ?? 1, request.query.pageSize ?? 20),
  )

  app.get(
    '/:id',
    { ...citizen, schema: { tags, security, summary: 'One of my pre-reviews with replies and history', params: IdParams, response: { 200: PrereviewDetail, ...errorResponses } } },
    async (request) => services.prereviews.get(request.citizen, request.params.id),
  )

  app.patch(
    '/:id',
    {
      ...citizen,
      schema: {
        tags,
        security,
        summary: 'Save the form of a draft or of a correction',
        params: IdParams,
        body: PrereviewDraftPatch,
        response: { 200: PrereviewDetail, ...errorResponses },
      },
    },
    async (request) => services.prereviews.patch(request.citizen, request.params.id, request.body),
  )

  app.delete(
    '/:id',
    { ...citizen, schema: { tags, security, summary: 'Delete a draft', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await services.prereviews.remove(request.citizen, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/:id/submit',
    {
      ...citizen,
      schema: {
        tags,
        security,
        summary: 'Submit, or resubmit after 补正; repeating it changes nothing',
        params: IdParams,
        body: SubmitPrereviewRequest,
        response: { 200: PrereviewDetail, ...errorResponses },
      },
    },
    async (request) => services.prereviews.submit(request.citizen, request.params.id, request.body.subscriptions ?? []),
  )

  app.post(
    '/:id/withdraw',
    {
      ...citizen,
      schema: { tags, security, summary: 'Withdraw a submitted pre-review', params: IdParams, body: WithdrawPrereviewRequest, response: { 200: PrereviewDetail, ...errorResponses } },
    },
    async (request) => services.prereviews.withdraw(request.citizen, request.params.id, request.body.reason),
  )
}
export default prereviewRoutes
