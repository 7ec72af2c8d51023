import { CitizenProfile } from '../../../types/auth'
import { errorResponses } from '../../../types/common'
import { RealNameRequest } from '../../../types/me'
import { toProfile } from '../services/citizens/profile'
import type { RoutePlugin } from './types'

const me: RoutePlugin = async (app, { services }) => {
  app.addHook('preHandler', app.requireCitizen)
  const tags = ['me']
  const security = [{ bearer: [] }]

  app.get('/', { schema: { tags, security, summary: 'My profile', response: { 200: CitizenProfile, ...errorResponses } } }, async (request) =>
    toProfile(request.citizen),
  )

  app.put(
    '/real-name',
    {
      schema: {
        tags,
        security,
        summary: 'Declare my real name and resident ID (checked, not verified)',
        body: RealNameRequest,
        response: { 200: CitizenProfile, ...errorResponses },
      },
    },
    async (request) => toProfile(await services.citizens.declareRealName(request.citizen, request.body.name, request.body.idNumber)),
  )
}
export default me
