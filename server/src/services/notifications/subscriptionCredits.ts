/**
 * One-time WeChat subscriptions: each template a citizen accepts in
 * Taro.requestSubscribeMessage allows exactly one subscribe message.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client'
import { subscriptionCredits } from '../../db/schema'

/** WeChat keeps counting accepted one-time subscriptions; more than this many unused ones is abuse, not intent. */
export const MAX_CREDITS_PER_TEMPLATE = 50
const TEMPLATE_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Adds one credit per accepted template, inside the caller's transaction.
 * `known`, when given, drops ids that are not configured templates (stale app, forged request).
 * Returns the template ids that were credited.
 */
export async function grantSubscriptions(
  tx: DbOrTx,
  citizenId: string,
  templateIds: readonly string[] | undefined,
  known?: ReadonlySet<string>,
): Promise<string[]> {
  const ids = [...new Set(templateIds ?? [])].filter((id) => TEMPLATE_ID.test(id) && (!known || known.has(id))).slice(0, 3)
  for (const templateId of ids) {
    await tx
      .insert(subscriptionCredits)
      .values({ citizenId, templateId, remaining: 1 })
      .onConflictDoUpdate({
        target: [subscriptionCredits.citizenId, subscriptionCredits.templateId],
        set: { remaining: sql`least(${subscriptionCredits.remaining} + 1, ${MAX_CREDITS_PER_TEMPLATE})`, updatedAt: new Date() },
      })
  }
  return ids
}

/** Takes one credit if there is one: a conditional UPDATE, so two messages cannot both use the last credit. */
export async function consumeCredit(tx: DbOrTx, citizenId: string, templateId: string): Promise<boolean> {
  const taken = await tx
    .update(subscriptionCredits)
    .set({ remaining: sql`${subscriptionCredits.remaining} - 1`, updatedAt: new Date() })
    .where(and(eq(subscriptionCredits.citizenId, citizenId), eq(subscriptionCredits.templateId, templateId), gt(subscriptionCredits.remaining, 0)))
    .returning({ remaining: subscriptionCredits.remaining })
  return taken.length === 1
}

/** Credits left per template id (absent = none). */
export async function creditsOf(db: DbOrTx, citizenId: string, templateIds: readonly string[]): Promise<Map<string, number>> {
  if (templateIds.length === 0) return new Map()
  const rows = await db
    .select({ templateId: subscriptionCredits.templateId, remaining: subscriptionCredits.remaining })
    .from(subscriptionCredits)
    .where(and(eq(subscriptionCredits.citizenId, citizenId), inArray(subscriptionCredits.templateId, [...templateIds])))
  return new Map(rows.map((r) => [r.templateId, r.remaining]))
}
