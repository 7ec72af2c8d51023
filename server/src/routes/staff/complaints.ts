import { IdParams, errorResponses } from '../../../../types/common'
import { ComplaintActionRequest, StaffComplaintDetail, StaffComplaintListQuery, StaffComplaintPage } from '../../../../types/complaints'
import { complaintPhotoIds, readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/** /api/staff/complaints — complaints and suggestions to handle (own department; admin all, including unassigned). */
const staffComplaints: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]
  const detail = { 200: StaffComplaintDetail, ...errorResponses }
  // Every answer showing a complaint (and its photos' signed URLs) is recorded before it is served.
  const audit = readAudit(services.database.db)
  const shown = (staff: { id: string }, c: StaffComplaintDetail) => audit.one(staff, 'complaint', c.id, c, { kind: 'complaintPhoto', ids: complaintPhotoIds(c) })

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: "My department's complaints and suggestions, open ones by due time first",
        querystring: StaffComplaintListQuery,
        response: { 200: StaffComplaintPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await services.complaintDesk.list(request.staffMember, request.query)
      return audit.list(request.staffMember, 'complaint', page.items.map((c) => c.id), page)
    },
  )

  app.get(
    '/:id',
    { preHandler: app.requireStaff(), schema: { tags, security, summary: 'One complaint with what the caller may do', params: IdParams, response: detail } },
    async (request) => shown(request.staffMember, await services.complaintDesk.get(request.staffMember, request.params.id)),
  )

  app.post(
    '/:id/actions',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: 'Accept, reply (the citizen is notified) or assign a department (admin)',
        description: '400: a reply under 10 characters (field text), no or unknown department; 403: assign by non-admin; 409: the status does not allow it.',
        params: IdParams,
        body: ComplaintActionRequest,
        response: detail,
      },
    },
    async (request) => shown(request.staffMember, await services.complaintDesk.act(request.staffMember, request.params.id, request.body)),
  )
}
export default staffComplaints
