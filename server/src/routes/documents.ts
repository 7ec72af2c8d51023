import { eq } from 'drizzle-orm'
import { IdParams } from '../../../types/common'
import { documents } from '../db/schema'
import { notFound } from '../errors'
import type { RoutePlugin } from './types'

/** Public documents: blank form templates and filled samples, served by us, never by a third-party previewer. */
const documentRoutes: RoutePlugin = async (app, { services }) => {
  app.get(
    '/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A blank form template or filled sample (PDF)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const [doc] = await services.database.db.select().from(documents).where(eq(documents.id, request.params.id))
      const stream = doc ? await services.storage.open(doc.sha256) : null
      if (!doc || !stream) throw notFound('未找到该文件')
      return reply
        .header('content-type', doc.mimeType)
        .header('content-length', doc.bytes)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(stream)
    },
  )
}
export default documentRoutes
