import { errorResponses } from '../../../../types/common'
import { NotificationDeliveryPage, NotificationDeliveryQuery } from '../../../../types/notifications'
import { readAudit } from '../../services/auditReads'
import type { RoutePlugin } from '../types'

/** Admins see how WeChat and SMS deliveries went (failures first of interest); no personal data but a masked phone (the read is audited). */
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
    async (request) => {
      const page = await services.notifications.deliveries.list(request.query.status, request.query.page ?? 1, request.query.pageSize ?? 20)
      // Masked phones are still a citizen's data: the ids shown are recorded before serving.
      return readAudit(services.database.db).list(request.staffMember, 'notificationDelivery', page.items.map((d) => d.id), page)
    },
  )
}
export default notificationDeliveries
