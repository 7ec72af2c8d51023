import { errorResponses } from '../../../../types/common'
import { NotificationDeliveryPage, NotificationDeliveryQuery } from '../../../../types/notifications'
import type { RoutePlugin } from '../types'

/** Admins see how WeChat and SMS deliveries went (failures first of interest); no personal data but a masked phone. */
const notificationDeliveries: RoutePlugin = async (app, { services }) => {
  app.get(
    '/',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['staff'],
        security: [{ bearer: [] }],
        summary: 'Notification deliveries beyond the message centre, newest first (?status=failed for failures)',
        querystring: NotificationDeliveryQuery,
        response: { 200: NotificationDeliveryPage, ...errorResponses },
      },
    },
    async (request) =>
      services.notifications.deliveries.list(request.query.status, request.query.page ?? 1, request.query.pageSize ?? 20),
  )
}
export default notificationDeliveries
