import { Health } from '../../../types/health'
import type { RoutePlugin } from './types'

const health: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } } },
    async () => {
      await services.database.pool.query('SELECT 1')
      return { status: 'ok' as const, database: services.database.kind, version: process.env.npm_package_version ?? '0.1.0' }
    },
  )
}
export default health
