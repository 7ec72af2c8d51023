import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { NotificationPage } from '../../../../types/notifications'
import type { Db, DbOrTx } from '../../db/client'
import { notifications } from '../../db/schema'
import { notFound } from '../../errors'

export interface NotificationMessage {
  citizenId: string
  caseId: string | null
  title: string
  body: string
}

/**
 * A channel beyond the in-app message centre (WeChat subscribe message, SMS).
 * Called after the transaction commits; a failing channel never undoes the
 * in-app message. None is wired yet: nothing is faked.
 */
export interface NotificationChannel {
  readonly name: string
  send(message: NotificationMessage & { id: string }): Promise<void>
}

/** Writes the in-app message inside the caller's transaction; returns it for channels. */
export async function notify(tx: DbOrTx, message: NotificationMessage): Promise<NotificationMessage & { id: string }> {
  const [row] = await tx.insert(notifications).values(message).returning({ id: notifications.id })
  return { ...message, id: row.id }
}

export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly channels: readonly NotificationChannel[] = [],
  ) {}

  /** Hands committed in-app messages to the other channels; failures are the channel's to log. */
  async dispatch(messages: readonly (NotificationMessage & { id: string })[]): Promise<void> {
    for (const m of messages) for (const c of this.channels) await c.send(m).catch(() => {})
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
      items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, caseId: r.caseId, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
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
}
