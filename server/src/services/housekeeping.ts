import { lt } from 'drizzle-orm'
import type { Db } from '../db/client'
import { sessions, smsCodes } from '../db/schema'

/** How long spent records are kept: SMS codes past the daily-limit window, sessions a while after expiry for support questions. */
const SMS_CODE_RETENTION_MS = 2 * 86_400_000
const SESSION_RETENTION_MS = 30 * 86_400_000

/**
 * Deletes spent sign-in records. Plain conditional DELETEs: any number of
 * instances may run it at once and the outcome is the same.
 */
export async function removeSpentSignIns(db: Db, now = new Date()): Promise<{ smsCodes: number; sessions: number }> {
  const codes = await db.delete(smsCodes).where(lt(smsCodes.createdAt, new Date(now.getTime() - SMS_CODE_RETENTION_MS))).returning({ id: smsCodes.id })
  const old = await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - SESSION_RETENTION_MS))).returning({ id: sessions.id })
  return { smsCodes: codes.length, sessions: old.length }
}
