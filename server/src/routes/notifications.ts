import { Type } from 'typebox'
import { IdParams, errorResponses } from '../../../types/common'
import { NotificationListQuery, NotificationPage } from '../../../types/notifications'
import type { RoutePlugin } from './types'

const notificationRoutes: RoutePlugin = async (app, { services }) => {
  const tags = ['notifications']
  const security = [{ bearer: [] }]

  app.get(
    '/',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'My messages (消息中心), newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...errorResponses },
      },
    },
    async (request) => services.notifications.list(request.citizen.id, request.query.page ?? 1, request.query.pageSize ?? 20),
  )

  app.post(
    '/read-all',
    {
      preHandler: app.requireCitizen,
      schema: {
        tags,
        security,
        summary: 'Mark all my messages read (全部已读)',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => ({ marked: await services.notifications.markAllRead(request.citizen.id) }),
  )

  app.post(
    '/:id/read',
    {
      preHandler: app.requireCitizen,
      schema: { tags, security, summary: 'Mark a message read', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await services.notifications.markRead(request.citizen.id, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
export default notificationRoutes
