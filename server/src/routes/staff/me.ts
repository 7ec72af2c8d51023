import { StaffProfile } from '../../../../types/auth'
import { errorResponses } from '../../../../types/common'
import type { RoutePlugin } from '../types'

const staffMe: RoutePlugin = async (app) => {
  app.get(
    '/',
    {
      preHandler: app.requireStaff(),
      schema: { tags: ['staff'], security: [{ bearer: [] }], summary: 'The signed-in staff member', response: { 200: StaffProfile, ...errorResponses } },
    },
    async (request) => request.staffMember,
  )
}
export default staffMe
