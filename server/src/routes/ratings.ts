import { IdParams, errorResponses } from '../../../types/common'
import {
  AnonymousRatingCheckRequest,
  AnonymousRatingReceipt,
  AnonymousRatingRequest,
  AnonymousRatingTarget,
  CreateRatingRequest,
  PublicRatingQuery,
  PublicRatingSummary,
  RateableList,
  RatingDetail,
  RatingListQuery,
  RatingPage,
} from '../../../types/ratings'
import { clientKeyOf } from '../services/cases/caseLookup'
import type { RoutePlugin } from './types'

/** /api/ratings — citizens' ratings, anonymous rating by receipt, and the published aggregate. */
const citizenRatings: RoutePlugin = async (app, { services }) => {
  const tags = ['ratings']
  const security = [{ bearer: [] }]

  app.get(
    '/rateable',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'What I may rate now (一事一评 / 一次一评, or once more after a rectified 差评)', response: { 200: RateableList, ...errorResponses } },
    },
    async (request) => services.ratings.rateable(request.citizen),
  )

  app.post(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Rate one of my finished cases or checked-in visits',
        description: '400: a 差评 without a reason, or scores of the other dimension; 404: not mine; 409: already rated / not finished.',
        body: CreateRatingRequest,
        response: { 201: RatingDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await services.ratings.create(request.citizen, request.body)),
  )

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'My ratings, newest first', querystring: RatingListQuery, response: { 200: RatingPage, ...errorResponses } },
    },
    async (request) => services.ratings.listMine(request.citizen, request.query.page ?? 1, request.query.pageSize ?? 20),
  )

  app.get(
    '/public',
    {
      schema: { tags, summary: 'Published rating figures per department (no personal data)', querystring: PublicRatingQuery, response: { 200: PublicRatingSummary, ...errorResponses } },
    },
    async (request) => services.ratingStatistics.published(request.query.months ?? 12),
  )

  app.post(
    '/anonymous/check',
    {
      schema: {
        tags,
        summary: 'What a receipt (number + query password) lets one rate',
        description: 'Through the lookup guards: the same 404 for a wrong number and a wrong password; 429 when limited.',
        body: AnonymousRatingCheckRequest,
        response: { 200: AnonymousRatingTarget, ...errorResponses },
      },
    },
    async (request) => services.ratings.anonymousCheck(request.body.number, request.body.password, clientKeyOf(request.ip)),
  )

  app.post(
    '/anonymous',
    {
      schema: {
        tags,
        summary: 'Rate a case by its receipt (lookup page or receipt QR code), without signing in',
        body: AnonymousRatingRequest,
        response: { 201: AnonymousRatingReceipt, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await services.ratings.anonymousRate(request.body, clientKeyOf(request.ip))),
  )

  app.get(
    '/:id',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: "One of my ratings, with the department's reply", params: IdParams, response: { 200: RatingDetail, ...errorResponses } },
    },
    async (request) => services.ratings.getMine(request.citizen, request.params.id),
  )
}
export default citizenRatings
