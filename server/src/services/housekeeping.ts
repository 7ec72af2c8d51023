import { and, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../db/client'
import { lookupClientCounts, lookupGuards, rateLimitCounters, sessions, smsCodes } from '../db/schema'
export { sweepUnattachedPhotos as removeUnattachedComplaintPhotos } from './complaints/complaintPhotoService'

/** How long spent records are kept: SMS codes past the daily-limit window, sessions a while after expiry for support questions. */
const SMS_CODE_RETENTION_MS = 2 * 86_400_000
const SESSION_RETENTION_MS = 30 * 86_400_000
/** Lookup counters matter for an hour (per client) or a lock period (per number); a day is ample. */
const LOOKUP_GUARD_RETENTION_MS = 86_400_000

/**
 * Deletes spent sign-in and lookup-limit records. Plain conditional DELETEs: any number of
 * instances may run it at once and the outcome is the same.
 */
export async function removeSpentRecords(
  db: Db,
  now = new Date(),
): Promise<{ smsCodes: number; sessions: number; lookupGuards: number }> {
  const codes = await db.delete(smsCodes).where(lt(smsCodes.createdAt, new Date(now.getTime() - SMS_CODE_RETENTION_MS))).returning({ id: smsCodes.id })
  const old = await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - SESSION_RETENTION_MS))).returning({ id: sessions.id })
  const lookupCutoff = new Date(now.getTime() - LOOKUP_GUARD_RETENTION_MS)
  await db.delete(lookupClientCounts).where(lt(lookupClientCounts.windowStart, lookupCutoff))
  // Abuse-limit windows last an hour at most (services/limits); a day-old window is spent.
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, lookupCutoff))
  const guards = await db
    .delete(lookupGuards)
    .where(and(lt(lookupGuards.lastFailureAt, lookupCutoff), or(isNull(lookupGuards.lockedUntil), lt(lookupGuards.lockedUntil, now))))
    .returning({ key: lookupGuards.numberKey })
  return { smsCodes: codes.length, sessions: old.length, lookupGuards: guards.length }
}
