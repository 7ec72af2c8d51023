import { Hall, HallList } from '../../../types/catalog'
import { IdParams, errorResponses } from '../../../types/common'
import type { RoutePlugin } from './types'

const halls: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    { schema: { tags: ['catalog'], summary: 'Service halls with windows and hours', response: { 200: HallList, ...errorResponses } } },
    async () => ({ items: await services.catalog.listHalls() }),
  )
  app.get(
    '/:id',
    { schema: { tags: ['catalog'], summary: 'One service hall', params: IdParams, response: { 200: Hall, ...errorResponses } } },
    async (request) => services.catalog.getHall(request.params.id),
  )
}
export default halls
