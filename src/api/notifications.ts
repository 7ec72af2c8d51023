import type { NotificationPage } from '../../types/notifications'
import { http, body } from './http'

/** GET /api/notifications — the citizen's message centre, newest first, with the unread count. */
export function listNotifications(query: { page?: number; pageSize?: number } = {}): Promise<NotificationPage> {
  return body(http.get<NotificationPage>('/api/notifications', { params: query }))
}

/** POST /api/notifications/read-all — every unread message of mine. */
export async function markAllNotificationsRead(): Promise<void> {
  await http.post('/api/notifications/read-all', {})
}

/** POST /api/notifications/:id/read — 204. */
export async function markNotificationRead(id: string): Promise<void> {
  await http.post(`/api/notifications/${encodeURIComponent(id)}/read`, {})
}
