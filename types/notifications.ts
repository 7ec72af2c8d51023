/** The in-app message centre (消息中心): every notification lands here, whatever else is sent. */
import { Type, type Static } from 'typebox'
import { PageInfo, PageQuery, Uuid } from './common'

export const Notification = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Uuid, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
})
export type Notification = Static<typeof Notification>

export const NotificationPage = Type.Object({ items: Type.Array(Notification), unread: Type.Integer(), ...PageInfo })
export type NotificationPage = Static<typeof NotificationPage>

export const NotificationListQuery = Type.Object({ ...PageQuery })
