/**
 * GET /api/files/:fileId?expires=&signature= — the bytes of a pre-review page or a complaint photo
 * to whoever holds a fresh signed URL (img src and downloads send no
 * Authorization header). URLs are minted only for callers who may see the file.
 */
import { eq } from 'drizzle-orm'
import { Type } from 'typebox'
import { Uuid } from '../../../types/common'
import { SignedFileQuery } from '../../../types/prereviews'
import { complaintPhotos, prereviewFiles } from '../db/schema'
import { forbidden, notFound } from '../errors'
import type { RoutePlugin } from './types'

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic', 'application/pdf': 'pdf' }

/** Nothing in a served file may run script, load anything, submit forms or be framed by another site. */
const IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"
// PDFs: the same without `sandbox`, which Firefox's built-in viewer refuses to run under (Chromium's renders either way).
const PDF_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'"

const files: RoutePlugin = async (app, { services }) => {
  if (services.signer.ephemeral) {
    app.log.warn(
      'FILE_URL_SECRET is not set: signed file URLs use a random key of this process, so they stop working after a restart ' +
        'and on any other instance. Set FILE_URL_SECRET (32+ characters, the same on every instance) in production.',
    )
  }

  app.get(
    '/:fileId',
    {
      schema: {
        tags: ['prereviews'],
        summary: 'A pre-review page or complaint photo, through a signed short-lived URL (no Authorization header)',
        description: '403 when the signature does not match the file or the link has expired.',
        params: Type.Object({ fileId: Uuid }),
        querystring: SignedFileQuery,
      },
    },
    async (request, reply) => {
      const { fileId } = request.params
      const { expires, signature } = request.query
      const now = new Date()
      const check = services.signer.verify(fileId, expires, signature, now)
      if (check === 'invalid') throw forbidden('链接无效')
      if (check === 'expired') throw forbidden('链接已过期，请刷新页面后重试')

      const db = services.database.db
      // Pre-review pages and complaint photos share the signed-URL scheme (random uuids, no overlap).
      const [file] =
        (await db.select({ id: prereviewFiles.id, sha256: prereviewFiles.sha256, mimeType: prereviewFiles.mimeType, bytes: prereviewFiles.bytes }).from(prereviewFiles).where(eq(prereviewFiles.id, fileId))).concat(
          await db.select({ id: complaintPhotos.id, sha256: complaintPhotos.sha256, mimeType: complaintPhotos.mimeType, bytes: complaintPhotos.bytes }).from(complaintPhotos).where(eq(complaintPhotos.id, fileId)),
        )
      const stream = file ? await services.storage.open(file.sha256) : null
      if (!file || !stream) throw notFound('文件不存在或已被删除')
      const remaining = Math.max(0, expires - Math.floor(now.getTime() / 1000))
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.bytes)
        .header('content-disposition', `inline; filename="${file.id}.${EXTENSIONS[file.mimeType] ?? 'bin'}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', `private, max-age=${remaining}`)
        .header('content-security-policy', file.mimeType === 'application/pdf' ? PDF_CSP : IMAGE_CSP)
        .send(stream)
    },
  )
}
export default files
