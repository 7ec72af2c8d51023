import type { DbOrTx } from '../db/client'
import { auditLog } from '../db/schema'

export interface AuditEntry {
  staffId: string | null
  action: string
  targetKind: string
  targetId: string
  /** Ids and field names only: never personal data. */
  detail?: Record<string, unknown>
}

/**
 * Records a staff action in the same transaction as the action itself. Staff reads of
 * citizens' data are recorded by services/auditReads.ts (recordRead, recordListRead).
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} })
}
