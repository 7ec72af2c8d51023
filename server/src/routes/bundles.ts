import { IdParams, errorResponses } from '../../../types/common'
import { BundleList, BundleSummary } from '../../../types/bundles'
import type { RoutePlugin } from './types'

const bundleRoutes: RoutePlugin = async (app, { services }) => {
  const tags = ['catalog']
  app.get('/', { schema: { tags, summary: '一件事 bundles with their member services', response: { 200: BundleList, ...errorResponses } } }, async () =>
    services.bundles.list(),
  )
  app.get(
    '/:id',
    { schema: { tags, summary: 'One 一件事 bundle', params: IdParams, response: { 200: BundleSummary, ...errorResponses } } },
    async (request) => services.bundles.get(request.params.id),
  )
}
export default bundleRoutes
