/** The in-app message centre (消息中心): every notification lands here, whatever else is sent. */
import { Type, type Static } from 'typebox'
import { PageInfo, PageQuery, Uuid } from './common'
import { NOTIFICATION_CHANNELS, NOTIFICATION_DELIVERY_STATUSES, NOTIFICATION_KINDS, NOTIFICATION_SUBJECT_KINDS, keysOf } from './enums'

export const NotificationKindSchema = Type.Enum(keysOf(NOTIFICATION_KINDS))
export const NotificationSubjectKindSchema = Type.Enum(keysOf(NOTIFICATION_SUBJECT_KINDS))

/** What the message is about, for a deep link in the app. */
export const NotificationSubject = Type.Object({ kind: NotificationSubjectKindSchema, id: Type.String({ maxLength: 64 }) })
export type NotificationSubject = Static<typeof NotificationSubject>

export const Notification = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Uuid, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
  /** Null for messages older than kinds, or general ones. */
  kind: Type.Optional(Type.Union([NotificationKindSchema, Type.Null()])),
  subject: Type.Optional(Type.Union([NotificationSubject, Type.Null()])),
})
export type Notification = Static<typeof Notification>

export const NotificationPage = Type.Object({ items: Type.Array(Notification), unread: Type.Integer(), ...PageInfo })
export type NotificationPage = Static<typeof NotificationPage>

export const NotificationListQuery = Type.Object({ ...PageQuery })

/** GET /api/subscriptions/templates: the WeChat subscribe templates configured, for Taro.requestSubscribeMessage (at most 3 per call). */
export const SubscriptionTemplate = Type.Object({
  kind: NotificationKindSchema,
  templateId: Type.String(),
  title: Type.String({ description: 'What the citizen is asked to allow, in Chinese' }),
})
export type SubscriptionTemplate = Static<typeof SubscriptionTemplate>
export const SubscriptionTemplateList = Type.Object({ templates: Type.Array(SubscriptionTemplate) })
export type SubscriptionTemplateList = Static<typeof SubscriptionTemplateList>

/** POST /api/subscriptions: the template ids the citizen accepted ('accept' in the requestSubscribeMessage result). */
export const SubscriptionGrantRequest = Type.Object(
  { accepted: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 3 }) },
  { additionalProperties: false },
)
export type SubscriptionGrantRequest = Static<typeof SubscriptionGrantRequest>

/** One-time subscriptions left per configured template (each allows one message). */
export const SubscriptionCredits = Type.Object({
  credits: Type.Array(Type.Object({ kind: NotificationKindSchema, templateId: Type.String(), remaining: Type.Integer() })),
})
export type SubscriptionCredits = Static<typeof SubscriptionCredits>

/** GET /api/staff/notification-deliveries (admin): delivery attempts beyond the message centre. No personal data but a masked phone. */
export const NotificationDelivery = Type.Object({
  id: Uuid,
  notificationId: Uuid,
  kind: Type.Union([NotificationKindSchema, Type.Null()]),
  channel: Type.Enum(keysOf(NOTIFICATION_CHANNELS)),
  status: Type.Enum(keysOf(NOTIFICATION_DELIVERY_STATUSES)),
  attempts: Type.Integer(),
  lastErrorCode: Type.Union([Type.String(), Type.Null()]),
  lastErrorMessage: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type NotificationDelivery = Static<typeof NotificationDelivery>
export const NotificationDeliveryPage = Type.Object({ items: Type.Array(NotificationDelivery), ...PageInfo })
export type NotificationDeliveryPage = Static<typeof NotificationDeliveryPage>
export const NotificationDeliveryQuery = Type.Object({
  status: Type.Optional(Type.Enum(keysOf(NOTIFICATION_DELIVERY_STATUSES))),
  ...PageQuery,
})
export type NotificationDeliveryQuery = Static<typeof NotificationDeliveryQuery>
