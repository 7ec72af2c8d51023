/**
 * Pages of a pre-review's materials: one file per multipart request, streamed
 * into staging and committed only when size, type and quota all pass.
 */
import multipart from '@fastify/multipart'
import { Type } from 'typebox'
import { ApiError, errorResponses } from '../../../types/common'
import { FileParams, MaterialParams, PrereviewFile } from '../../../types/prereviews'
import { badRequest } from '../errors'
import type { StagedFile } from '../services/documents/fileStorage'
import { TYPE_HEAD_BYTES } from '../services/files/uploadType'
import type { RoutePlugin } from './types'

const prereviewFiles: RoutePlugin = async (app, { services }) => {
  const tags = ['prereviews']
  const security = [{ bearer: [] }]

  // Scoped to this plugin: no other route parses multipart bodies.
  await app.register(multipart, {
    throwFileSizeLimit: false, // we read `truncated` ourselves and answer 413
    fileHwm: 1024 * 1024,
    limits: { fileSize: services.config.UPLOAD_MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  })

  app.post(
    '/:id/materials/:slotKey/files',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Attach one page to a material (multipart/form-data, field "file")',
        description:
          'JPEG, PNG, HEIC or PDF, recognised by content (the declared type and file name are ignored). ' +
          '413 past the per-file or per-pre-review limit, 415 for other types; nothing is kept of a refused upload.',
        params: MaterialParams,
        response: { 201: PrereviewFile, ...errorResponses, 413: ApiError, 415: ApiError },
      },
    },
    async (request, reply) => {
      const { id, slotKey } = request.params
      const citizenId = request.citizen.id
      await services.limits.prereviewPage(citizenId, request.ip)
      const plan = await services.prereviewFiles.planUpload(citizenId, id, slotKey)
      if (!request.isMultipart()) throw badRequest('请以表单方式上传文件（multipart/form-data，字段 file）', 'file')

      let part
      try {
        part = await request.file({ limits: { fileSize: plan.byteLimit } })
      } catch {
        throw badRequest('上传的内容不完整或格式有误，请重新上传', 'file')
      }
      if (!part) throw badRequest('请选择要上传的文件', 'file')
      if (part.fieldname !== 'file') {
        part.file.resume()
        throw badRequest('请把文件放在 file 字段中上传', 'file')
      }

      let staged: StagedFile
      try {
        staged = await services.storage.stage(part.file, { headBytes: TYPE_HEAD_BYTES })
      } catch {
        // The body ended inside the file (a dropped connection, a cut-off request): nothing was kept.
        throw badRequest('上传中断，文件不完整，请重新上传', 'file')
      }
      const file = await services.prereviewFiles.saveUpload(citizenId, id, slotKey, staged, part.file.truncated)
      return reply.code(201).send(file)
    },
  )

  app.delete(
    '/:id/files/:fileId',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Remove a page attached since the last submission',
        params: FileParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.prereviewFiles.remove(request.citizen.id, request.params.id, request.params.fileId)
      return reply.code(204).send(null)
    },
  )
}
export default prereviewFiles
