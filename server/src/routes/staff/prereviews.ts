import { errorResponses } from '../../../../types/common'
import {
  DecisionRequest,
  MaterialVerdictRequest,
  PartMaterialParams,
  PartParams,
  StaffPartDetail,
  StaffPartPage,
  StaffPrereviewListQuery,
} from '../../../../types/prereviews'
import type { RoutePlugin } from '../types'

/** Reviewing pre-reviews, by part (one department's share of a pre-review). */
const staffPrereviews: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const staff = { preHandler: app.requireStaff() }
  const detail = { 200: StaffPartDetail, ...errorResponses }

  app.get(
    '/',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: "My department's pre-reviews waiting for review (admin: all), most urgent first, with lights",
        querystring: StaffPrereviewListQuery,
        response: { 200: StaffPartPage, ...errorResponses },
      },
    },
    async (request) => services.prereviewReview.queue(request.staffMember, request.query),
  )

  app.get('/:partId', { ...staff, schema: { tags, security, summary: 'One part to review', params: PartParams, response: detail } }, async (request) =>
    services.prereviewReview.get(request.staffMember, request.params.partId),
  )

  app.post(
    '/:partId/claim',
    { ...staff, schema: { tags, security, summary: 'Claim it (409 while another reviewer holds an unexpired claim)', params: PartParams, response: detail } },
    async (request) => services.prereviewReview.claim(request.staffMember, request.params.partId),
  )

  app.post(
    '/:partId/release',
    { ...staff, schema: { tags, security, summary: 'Give the claim back without replying', params: PartParams, response: detail } },
    async (request) => services.prereviewReview.release(request.staffMember, request.params.partId),
  )

  app.put(
    '/:partId/materials/:slotKey',
    {
      ...staff,
      schema: { tags, security, summary: 'Mark one material pass or return (with the reason)', params: PartMaterialParams, body: MaterialVerdictRequest, response: detail },
    },
    async (request) => services.prereviewReview.mark(request.staffMember, request.params.partId, request.params.slotKey, request.body),
  )

  app.post(
    '/:partId/decision',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Reply: pass, 容缺 pass, return for correction (one complete notice) or refuse',
        params: PartParams,
        body: DecisionRequest,
        response: detail,
      },
    },
    async (request) => services.prereviewReview.decide(request.staffMember, request.params.partId, request.body),
  )
}
export default staffPrereviews
