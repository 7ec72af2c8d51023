import { Catalog } from '../../../types/catalog'
import { errorResponses } from '../../../types/common'
import type { RoutePlugin } from './types'

const catalog: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    { schema: { tags: ['catalog'], summary: 'Departments and topics to browse matters by', response: { 200: Catalog, ...errorResponses } } },
    async () => services.catalog.getCatalog(),
  )
}
export default catalog
