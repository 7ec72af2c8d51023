import { IdParams, errorResponses } from '../../../../types/common'
import {
  AppealBadRatingRequest,
  AppealDecisionRequest,
  RatingStatistics,
  RatingStatisticsQuery,
  RectifyBadRatingRequest,
  StaffBadRatingDetail,
  StaffBadRatingListQuery,
  StaffBadRatingPage,
  VerifyBadRatingRequest,
} from '../../../../types/ratings'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/** /api/staff/ratings — the 差评 loop (own department; admin all) and rating statistics (lead, admin). */
const staffRatings: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const detail = { 200: StaffBadRatingDetail, ...errorResponses }
  // Every answer showing a 差评 (the citizen's text and masked name) is recorded before it is served.
  const audit = readAudit(services.database.db)
  const shown = (staff: { id: string }, r: StaffBadRatingDetail) => audit.one(staff, 'rating', r.id, r)

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: "My department's 差评, most urgent first, with rectification lights", querystring: StaffBadRatingListQuery, response: { 200: StaffBadRatingPage, ...errorResponses } },
    },
    async (request) => {
      const page = await services.badRatings.list(request.staffMember, request.query)
      return audit.list(request.staffMember, 'rating', page.items.map((r) => r.id), page)
    },
  )

  app.get(
    '/statistics',
    {
      preHandler: app.requireStaff('lead', 'admin'),
      schema: { tags, security, summary: 'Rating statistics: lead own department, admin all or one', querystring: RatingStatisticsQuery, response: { 200: RatingStatistics, ...errorResponses } },
    },
    async (request) => services.ratingStatistics.forStaff(request.staffMember, request.query),
  )

  app.get(
    '/:id',
    { preHandler: app.requireStaff(), schema: { tags, security, summary: 'One 差评 with its history', params: IdParams, response: detail } },
    async (request) => shown(request.staffMember, await services.badRatings.get(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/verify',
    { preHandler: app.requireStaff(), schema: { tags, security, summary: 'Record the verification (核实)', params: IdParams, body: VerifyBadRatingRequest, response: detail } },
    async (request) => shown(request.staffMember, await services.badRatings.verify(request.staffMember, request.params.id, request.body.note)),
  )

  app.post(
    '/:id/rectify',
    {
      preHandler: app.requireStaff(),
      schema: { tags, security, summary: 'Rectify and reply to the citizen (notified; may rate once more)', params: IdParams, body: RectifyBadRatingRequest, response: detail },
    },
    async (request) => shown(request.staffMember, await services.badRatings.rectify(request.staffMember, request.params.id, request.body.measures, request.body.reply)),
  )

  app.post(
    '/:id/appeal',
    { preHandler: app.requireStaff(), schema: { tags, security, summary: 'Appeal a malicious 差评 with evidence', params: IdParams, body: AppealBadRatingRequest, response: detail } },
    async (request) => shown(request.staffMember, await services.badRatings.appeal(request.staffMember, request.params.id, request.body.evidence)),
  )

  app.post(
    '/:id/appeal/decision',
    {
      preHandler: app.requireStaff('admin'),
      schema: { tags, security, summary: 'Decide an appeal (admin): upheld = excluded from statistics', params: IdParams, body: AppealDecisionRequest, response: detail },
    },
    async (request) => shown(request.staffMember, await services.badRatings.decideAppeal(request.staffMember, request.params.id, request.body)),
  )
}
export default staffRatings
