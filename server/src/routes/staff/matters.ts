import { Type } from 'typebox'
import { IdParams, PageQuery, errorResponses } from '../../../../types/common'
import { MatterDetail, MatterGuidePatch, MatterPage } from '../../../../types/matters'
import { updateGuide } from '../../services/catalog/guideEditing'
import { GUIDE_EDITORS } from '../../services/auth/sessionService'
import type { RoutePlugin } from '../types'

const staffMatters: RoutePlugin = async (app, { services }) => {
  const tags = ['staff']
  const security = [{ bearer: [] }]

  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        security,
        summary: "My department's matters (all for an admin)",
        querystring: Type.Object(PageQuery),
        response: { 200: MatterPage, ...errorResponses },
      },
    },
    async (request) => {
      const { department, role } = request.staffMember
      const scope = role === 'admin' || !department ? undefined : { departmentId: department.id }
      return services.catalog.listMatters(request.query, scope)
    },
  )

  app.patch(
    '/:id',
    {
      preHandler: app.requireStaff(...GUIDE_EDITORS),
      schema: {
        tags,
        security,
        summary: "Update a matter's phones and FAQ (department lead or admin)",
        params: IdParams,
        body: MatterGuidePatch,
        response: { 200: MatterDetail, ...errorResponses },
      },
    },
    async (request) => {
      await updateGuide(services.database.db, request.staffMember, request.params.id, request.body)
      return services.catalog.getMatter(request.params.id)
    },
  )
}
export default staffMatters
