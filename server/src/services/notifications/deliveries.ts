/**
 * Delivery of committed messages beyond the message centre, recorded in
 * notification_deliveries: one channel per message (the first that claims
 * it), an immediate attempt, and retries with backoff by a periodic job.
 *
 * Claiming a row = moving its next_attempt_at one lease ahead and counting the
 * attempt, in one UPDATE over rows picked FOR UPDATE SKIP LOCKED: any number
 * of jobs and instances may run at once, and each due row goes to one of them.
 * A worker that dies mid-send leaves the row due again after the lease.
 */
import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { NotificationDelivery, NotificationDeliveryPage } from '../../../../types/notifications'
import type { NotificationDeliveryStatus } from '../../../../types/enums'
import { maskPhone } from '../../../../types/validators'
import type { Db, DbOrTx } from '../../db/client'
import { citizens, notificationDeliveries, notifications, type NotificationDeliveryRow } from '../../db/schema'
import { DeliveryFailure, type NotificationChannel, type OutboundMessage, type Recipient } from './channels'

export interface DeliveryOptions {
  maxAttempts: number
  /** First backoff; it doubles per attempt, capped at MAX_BACKOFF_MS. */
  retryBaseMs: number
  now?: () => Date
}

/** How long a claimed attempt may take before another worker may pick the row up. */
export const LEASE_MS = 5 * 60_000
const MAX_BACKOFF_MS = 60 * 60_000
/** Small enough that a batch of slow sends (5 s timeouts, a token refresh) ends well within the lease. */
const BATCH = 20

export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)
}

class AlreadyDispatched extends Error {}

export class NotificationDeliveries {
  private readonly byName: Map<string, NotificationChannel>
  private readonly now: () => Date

  constructor(
    private readonly db: Db,
    readonly channels: readonly NotificationChannel[],
    private readonly opts: DeliveryOptions,
  ) {
    this.byName = new Map(channels.map((c) => [c.name, c]))
    this.now = opts.now ?? (() => new Date())
  }

  /** Picks a channel for a committed message, records the delivery and makes the first attempt. Never throws. */
  async dispatch(message: OutboundMessage): Promise<NotificationDeliveryRow | null> {
    if (this.channels.length === 0) return null
    let row: NotificationDeliveryRow | null = null
    try {
      row = await this.db.transaction(async (tx) => {
        const to = await recipientOf(tx, message.citizenId)
        if (!to) return null
        for (const channel of this.channels) {
          const claimed = await channel.claim(tx, message, to)
          if (!claimed) continue
          const now = this.now()
          const [inserted] = await tx
            .insert(notificationDeliveries)
            .values({
              notificationId: message.id,
              channel: channel.name,
              template: claimed.template,
              payload: claimed.payload,
              attempts: 1,
              nextAttemptAt: new Date(now.getTime() + LEASE_MS),
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing({ target: notificationDeliveries.notificationId })
            .returning()
          // Dispatched before: undo the credit this claim took.
          if (!inserted) throw new AlreadyDispatched()
          return inserted
        }
        return null
      })
    } catch {
      return null
    }
    return row ? this.attempt(row) : null
  }

  /** Claims due rows and attempts each once; returns how many were sent. Safe to run concurrently. */
  async runDue(): Promise<{ claimed: number; sent: number }> {
    const now = this.now()
    const due = this.db
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.status, 'queued'), lte(notificationDeliveries.nextAttemptAt, now)))
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(BATCH)
      .for('update', { skipLocked: true })
    const claimed = await this.db
      .update(notificationDeliveries)
      .set({ attempts: sql`${notificationDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS), updatedAt: now })
      .where(and(inArray(notificationDeliveries.id, due), eq(notificationDeliveries.status, 'queued'), lte(notificationDeliveries.nextAttemptAt, now)))
      .returning()
    let sent = 0
    for (const row of claimed) if ((await this.attempt(row))?.status === 'sent') sent++
    return { claimed: claimed.length, sent }
  }

  /** One send of a row this worker has claimed (attempts already counted); the outcome is written only if the claim still holds. */
  private async attempt(row: NotificationDeliveryRow): Promise<NotificationDeliveryRow | null> {
    let outcome: Partial<typeof notificationDeliveries.$inferInsert>
    try {
      const channel = this.byName.get(row.channel)
      if (!channel) throw new DeliveryFailure('ChannelOff', '该渠道未配置', true)
      const to = await recipientOf(this.db, await this.citizenOf(row.notificationId))
      if (!to) throw new DeliveryFailure('NoRecipient', '用户已注销', false)
      await channel.deliver({ template: row.template, payload: row.payload }, to)
      outcome = { status: 'sent', sentAt: this.now(), nextAttemptAt: null }
    } catch (err) {
      const failure = err instanceof DeliveryFailure ? err : new DeliveryFailure('Unexpected', err instanceof Error ? err.name : 'error', true)
      const retry = failure.transient && row.attempts < this.opts.maxAttempts
      outcome = {
        status: retry ? 'queued' : 'failed',
        lastErrorCode: failure.code.slice(0, 64),
        lastErrorMessage: failure.message.slice(0, 200),
        nextAttemptAt: retry ? new Date(this.now().getTime() + backoffMs(row.attempts, this.opts.retryBaseMs)) : null,
      }
    }
    try {
      const [updated] = await this.db
        .update(notificationDeliveries)
        .set({ ...outcome, updatedAt: this.now() })
        .where(and(eq(notificationDeliveries.id, row.id), eq(notificationDeliveries.status, 'queued'), eq(notificationDeliveries.attempts, row.attempts)))
        .returning()
      return updated ?? null
    } catch {
      return null // the lease runs out and the job tries again
    }
  }

  private async citizenOf(notificationId: string): Promise<string | null> {
    const [n] = await this.db.select({ citizenId: notifications.citizenId }).from(notifications).where(eq(notifications.id, notificationId))
    return n?.citizenId ?? null
  }

  /** For admins: newest first, with a masked phone for SMS and nothing else personal. */
  async list(status: NotificationDeliveryStatus | undefined, page: number, pageSize: number): Promise<NotificationDeliveryPage> {
    const where = status ? eq(notificationDeliveries.status, status) : undefined
    const rows = await this.db
      .select({ d: notificationDeliveries, kind: notifications.kind, phone: citizens.phone })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(citizens, eq(citizens.id, notifications.citizenId))
      .where(where)
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(notificationDeliveries).where(where)
    const items: NotificationDelivery[] = rows.map(({ d, kind, phone }) => ({
      id: d.id,
      notificationId: d.notificationId,
      kind: kind ?? null,
      channel: d.channel,
      status: d.status,
      attempts: d.attempts,
      lastErrorCode: d.lastErrorCode,
      lastErrorMessage: d.lastErrorMessage,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      phoneMasked: d.channel === 'sms' && phone ? maskPhone(phone) : null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    }))
    return { items, page, pageSize, total }
  }
}

async function recipientOf(db: DbOrTx, citizenId: string | null): Promise<Recipient | null> {
  if (!citizenId) return null
  const [c] = await db.select({ openid: citizens.wechatOpenid, phone: citizens.phone }).from(citizens).where(eq(citizens.id, citizenId))
  return c ? { openid: c.openid, phone: c.phone } : null
}
