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
import { partFileIds, readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/** Reviewing pre-reviews, by part (one department's share of a pre-review). */
const staffPrereviews: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const staff = { preHandler: app.requireStaff() }
  const detail = { 200: StaffPartDetail, ...errorResponses }
  // Every answer showing a part (applicant, form, pages with signed URLs) is recorded before it is served,
  // with one row per page URL given.
  const audit = readAudit(services.database.db)
  const shown = (staff: { id: string }, part: StaffPartDetail) => audit.one(staff, 'prereviewPart', part.partId, part, { kind: 'prereviewFile', ids: partFileIds(part) })

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
    async (request) => {
      const page = await services.prereviewReview.queue(request.staffMember, request.query)
      return audit.list(request.staffMember, 'prereviewPart', page.items.map((p) => p.partId), page)
    },
  )

  app.get('/:partId', { ...staff, schema: { tags, security, summary: 'One part to review', params: PartParams, response: detail } }, async (request) =>
    shown(request.staffMember, await services.prereviewReview.get(request.staffMember, request.params.partId)),
  )

  app.post(
    '/:partId/claim',
    { ...staff, schema: { tags, security, summary: 'Claim it (409 while another reviewer holds an unexpired claim)', params: PartParams, response: detail } },
    async (request) => shown(request.staffMember, await services.prereviewReview.claim(request.staffMember, request.params.partId)),
  )

  app.post(
    '/:partId/release',
    { ...staff, schema: { tags, security, summary: 'Give the claim back without replying', params: PartParams, response: detail } },
    async (request) => shown(request.staffMember, await services.prereviewReview.release(request.staffMember, request.params.partId)),
  )

  app.put(
    '/:partId/materials/:slotKey',
    {
      ...staff,
      schema: { tags, security, summary: 'Mark one material pass or return (with the reason)', params: PartMaterialParams, body: MaterialVerdictRequest, response: detail },
    },
    async (request) => shown(request.staffMember, await services.prereviewReview.mark(request.staffMember, request.params.partId, request.params.slotKey, request.body)),
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
    async (request) => shown(request.staffMember, await services.prereviewReview.decide(request.staffMember, request.params.partId, request.body)),
  )
}
export default staffPrereviews
