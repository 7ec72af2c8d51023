import type { NotificationDeliveryPage, NotificationDeliveryQuery } from '../../types/notifications'
import { body, http } from './http'

/** GET /api/staff/notification-deliveries (admins) — WeChat / SMS delivery attempts, newest first. */
export function listNotificationDeliveries(query: NotificationDeliveryQuery = {}): Promise<NotificationDeliveryPage> {
  return body(http.get<NotificationDeliveryPage>('/api/staff/notification-deliveries', { params: query }))
}

/** The admin delivery calls; not on `Api` (only the staff subpackage uses them). */
export const staffDeliveriesApi = { list: listNotificationDeliveries }

export type StaffDeliveriesApi = typeof staffDeliveriesApi
