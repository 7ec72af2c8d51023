import { IdParams, errorResponses } from '../../../types/common'
import { MatterDetail, MatterListQuery, MatterPage } from '../../../types/matters'
import type { RoutePlugin } from './types'

const matters: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search and filter matters',
        querystring: MatterListQuery,
        response: { 200: MatterPage, ...errorResponses },
      },
    },
    async (request) => services.catalog.listMatters(request.query),
  )

  app.get(
    '/:id',
    {
      schema: { tags: ['catalog'], summary: 'The service guide of one matter', params: IdParams, response: { 200: MatterDetail, ...errorResponses } },
    },
    async (request) => services.catalog.getMatter(request.params.id),
  )
}
export default matters
