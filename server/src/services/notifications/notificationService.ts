import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { NotificationKind, NotificationSubjectKind } from '../../../../types/enums'
import type { NotificationPage, SubscriptionCredits, SubscriptionTemplate } from '../../../../types/notifications'
import type { Db, DbOrTx } from '../../db/client'
import { notifications } from '../../db/schema'
import { notFound } from '../../errors'
import type { NotificationChannel, OutboundMessage } from './channels'
import { NotificationDeliveries, type DeliveryOptions } from './deliveries'
import { creditsOf, grantSubscriptions } from './subscriptionCredits'
import { subscriptionTemplates, type NotificationTemplates } from './templateConfig'
import type { NotificationFacts } from './templates'

export type { NotificationChannel } from './channels'
export type { NotificationFacts } from './templates'

export interface NotificationMessage {
  citizenId: string
  caseId: string | null
  title: string
  body: string
  /** Picks the subscribe/SMS template. Default: caseStep when caseId is set; none = in-app only. */
  kind?: NotificationKind
  /** What the message links to. Default: the case when caseId is set. */
  subject?: { kind: NotificationSubjectKind; id: string }
  /** Short facts for the subscribe message and SMS (matter, status, time, place, amount, note); not stored. */
  facts?: NotificationFacts
}

export type NotifiedMessage = NotificationMessage & { id: string; createdAt?: Date }

const kindOf = (m: NotificationMessage): NotificationKind | null => m.kind ?? (m.caseId ? 'caseStep' : null)
const subjectOf = (m: NotificationMessage) => m.subject ?? (m.caseId ? { kind: 'case' as const, id: m.caseId } : null)

/** Writes the in-app message inside the caller's transaction; returns it for channels. */
export async function notify(tx: DbOrTx, message: NotificationMessage): Promise<NotificationMessage & { id: string }> {
  const subject = subjectOf(message)
  const [row] = await tx
    .insert(notifications)
    .values({
      citizenId: message.citizenId,
      caseId: message.caseId,
      title: message.title,
      body: message.body,
      kind: kindOf(message),
      subjectKind: subject?.kind ?? null,
      subjectId: subject?.id ?? null,
    })
    .returning({ id: notifications.id, createdAt: notifications.createdAt })
  return { ...message, id: row.id, createdAt: row.createdAt } as NotifiedMessage
}

export interface NotificationServiceOptions {
  templates?: NotificationTemplates
  delivery?: Partial<DeliveryOptions>
}

const NO_TEMPLATES: NotificationTemplates = { wechat: {}, sms: {}, miniprogramState: 'formal' }

export class NotificationService {
  readonly deliveries: NotificationDeliveries
  readonly templates: NotificationTemplates

  /** `channels` in order of preference: a message goes out on the first that takes it (WeChat, then SMS), and always in-app. */
  constructor(
    private readonly db: Db,
    channels: readonly NotificationChannel[] = [],
    options: NotificationServiceOptions = {},
  ) {
    this.templates = options.templates ?? NO_TEMPLATES
    this.deliveries = new NotificationDeliveries(db, channels, { maxAttempts: 6, retryBaseMs: 60_000, ...options.delivery })
  }

  /** Names of the channels that are on, for the start-up log. */
  get channelNames(): string[] {
    return this.deliveries.channels.map((c) => c.name)
  }

  /** Hands committed in-app messages to the other channels. Never throws: failures are recorded per delivery and retried. */
  async dispatch(messages: readonly (NotificationMessage & { id: string })[]): Promise<void> {
    for (const m of messages) {
      const kind = kindOf(m)
      if (!kind) continue
      const outbound: OutboundMessage = {
        id: m.id,
        citizenId: m.citizenId,
        kind,
        title: m.title,
        body: m.body,
        subject: subjectOf(m),
        facts: m.facts,
        at: (m as NotifiedMessage).createdAt ?? new Date(),
      }
      await this.deliveries.dispatch(outbound)
    }
  }

  /** The configured subscribe templates, for Taro.requestSubscribeMessage. */
  subscriptionTemplates(): SubscriptionTemplate[] {
    return subscriptionTemplates(this.templates)
  }

  /**
   * Inside the caller's transaction (e.g. the pre-review submit): one credit per accepted template that is
   * configured; unknown ids are ignored. Returns the credited template ids.
   */
  grantSubscriptions(tx: DbOrTx, citizenId: string, templateIds: readonly string[] | undefined): Promise<string[]> {
    return grantSubscriptions(tx, citizenId, templateIds, new Set(Object.values(this.templates.wechat)))
  }

  /** Unused one-time subscriptions per configured template. */
  async credits(citizenId: string): Promise<SubscriptionCredits> {
    const templates = this.subscriptionTemplates()
    const left = await creditsOf(this.db, citizenId, templates.map((t) => t.templateId))
    return { credits: templates.map((t) => ({ kind: t.kind, templateId: t.templateId, remaining: left.get(t.templateId) ?? 0 })) }
  }

  async list(citizenId: string, page: number, pageSize: number): Promise<NotificationPage> {
    const rows = await this.db
      .select()
      .from(notifications)
      .where(eq(notifications.citizenId, citizenId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(notifications).where(eq(notifications.citizenId, citizenId))
    const [{ unread }] = await this.db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.citizenId, citizenId), isNull(notifications.readAt)))
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        caseId: r.caseId,
        createdAt: r.createdAt.toISOString(),
        read: r.readAt !== null,
        kind: r.kind ?? null,
        subject: r.subjectKind && r.subjectId ? { kind: r.subjectKind, id: r.subjectId } : null,
      })),
      unread,
      page,
      pageSize,
      total,
    }
  }

  async markRead(citizenId: string, id: string): Promise<void> {
    const [row] = await this.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.citizenId, citizenId)))
    if (!row) throw notFound('未找到该消息')
    if (!row.readAt) await this.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id))
  }

  /** 全部已读: every unread message of the citizen; answers how many changed. */
  async markAllRead(citizenId: string): Promise<number> {
    const changed = await this.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.citizenId, citizenId), isNull(notifications.readAt)))
      .returning({ id: notifications.id })
    return changed.length
  }
}
