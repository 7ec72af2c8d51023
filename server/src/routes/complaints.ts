/**
 * /api/complaints — a citizen's complaints and suggestions (投诉建议): photos
 * (one per multipart request, staged until the complaint is filed), filing
 * (idempotent by clientKey: 201 new, 200 the same one again), mine, and the
 * rating of the reply.
 */
import multipart from '@fastify/multipart'
import { ApiError, IdParams, errorResponses } from '../../../types/common'
import { ComplaintDetail, ComplaintListQuery, ComplaintPage, ComplaintPhoto, CreateComplaintRequest, RateComplaintReplyRequest } from '../../../types/complaints'
import { badRequest } from '../errors'
import type { StagedFile } from '../services/documents/fileStorage'
import { TYPE_HEAD_BYTES } from '../services/files/uploadType'
import type { RoutePlugin } from './types'

const citizenComplaints: RoutePlugin = async (app, { services }) => {
  const tags = ['complaints']
  const security = [{ bearer: [] }]
  const detail = { 200: ComplaintDetail, ...errorResponses }

  // Scoped to this plugin: only the photo route reads multipart bodies.
  await app.register(multipart, {
    throwFileSizeLimit: false, // we read `truncated` ourselves and answer 413
    fileHwm: 1024 * 1024,
    limits: { fileSize: services.complaintPhotos.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  })

  app.post(
    '/photos',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Upload one photo for a complaint to be filed (multipart/form-data, field "file")',
        description:
          'JPEG, PNG or HEIC, recognised by content (the declared type and name are ignored). 413 over the size limit, 415 other types; ' +
          'nothing is kept of a refused upload. Attach it by listing its id in POST /api/complaints; unattached photos are removed after a day.',
        response: { 201: ComplaintPhoto, ...errorResponses, 413: ApiError, 415: ApiError },
      },
    },
    async (request, reply) => {
      const citizenId = request.citizen.id
      await services.limits.complaintPhoto(citizenId, request.ip)
      const plan = await services.complaintPhotos.planUpload(citizenId)
      if (!request.isMultipart()) throw badRequest('请以表单方式上传照片（multipart/form-data，字段 file）', 'file')
      let part
      try {
        part = await request.file({ limits: { fileSize: plan.byteLimit } })
      } catch {
        throw badRequest('上传的内容不完整或格式有误，请重新上传', 'file')
      }
      if (!part) throw badRequest('请选择要上传的照片', 'file')
      if (part.fieldname !== 'file') {
        part.file.resume()
        throw badRequest('请把照片放在 file 字段中上传', 'file')
      }
      let staged: StagedFile
      try {
        staged = await services.storage.stage(part.file, { headBytes: TYPE_HEAD_BYTES })
      } catch {
        throw badRequest('上传中断，照片不完整，请重新上传', 'file')
      }
      const photo = await services.complaintPhotos.saveUpload(citizenId, staged, part.file.truncated)
      return reply.code(201).send(photo)
    },
  )

  app.post(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'File a complaint or suggestion (idempotent by clientKey)',
        description:
          '201 with the new complaint; a retry with the same clientKey answers 200 with the same one. ' +
          '400: caseId not mine, unknown department, a photo not mine or already used.',
        body: CreateComplaintRequest,
        response: { 201: ComplaintDetail, ...detail },
      },
    },
    async (request, reply) => {
      const { created, complaint } = await services.complaints.create(request.citizen, request.body)
      return reply.code(created ? 201 : 200).send(complaint)
    },
  )

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'My complaints and suggestions, newest first', querystring: ComplaintListQuery, response: { 200: ComplaintPage, ...errorResponses } },
    },
    async (request) => services.complaints.listMine(request.citizen, request.query.page ?? 1, request.query.pageSize ?? 20),
  )

  app.get(
    '/:id',
    { preHandler: app.requireCitizen, schema: { tags, security, summary: 'One of my complaints with its reply', params: IdParams, response: detail } },
    async (request) => services.complaints.getMine(request.citizen, request.params.id),
  )

  app.post(
    '/:id/rating',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Rate the reply (once)',
        description: '409 before the reply and after a rating.',
        params: IdParams,
        body: RateComplaintReplyRequest,
        response: detail,
      },
    },
    async (request) => services.complaints.rate(request.citizen, request.params.id, request.body),
  )
}
export default citizenComplaints
