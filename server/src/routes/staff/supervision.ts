import { errorResponses } from '../../../../types/common'
import { Supervision } from '../../../../types/cases'
import { SUPERVISORS } from '../../services/auth/sessionService'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

const supervision: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    {
      preHandler: app.requireStaff(...SUPERVISORS),
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary: 'Supervision (电子监察): counts by light and the overdue list (department lead; admin: all)',
        response: { 200: Supervision, ...errorResponses },
      },
    },
    async (request) => {
      const view = await services.cases.supervision(request.staffMember)
      // The overdue list names applicants (masked): recorded like the case queue.
      return readAudit(services.database.db).list(request.staffMember, 'case', view.overdue.map((c) => c.id), view)
    },
  )
}
export default supervision
