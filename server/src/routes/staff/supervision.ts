import { errorResponses } from '../../../../types/common'
import { Supervision } from '../../../../types/cases'
import { SUPERVISORS } from '../../services/auth/sessionService'
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
    async (request) => services.cases.supervision(request.staffMember),
  )
}
export default supervision
