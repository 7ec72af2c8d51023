/**
 * A passed pre-review part becomes its department's case, inside the
 * transaction of the decision that passed the pre-review. A service that
 * needs no visit (全程网办) or a 容缺 acceptance is accepted (受理) at once and
 * its clock starts; otherwise the case is received (收件) and accepted at the
 * window when the citizen shows the originals, once.
 */
import type { Tx } from '../../db/client'
import { caseSteps, cases } from '../../db/schema'
import { computeDeadline, shanghaiDate } from '../../domain/calendar'
import type { Clock } from './caseViews'
import { nextCaseNumber } from './caseNumbers'
import { hashQueryPassword, newQueryPassword } from './queryPassword'

export interface CaseFromPrereview {
  matterId: string
  departmentId: string
  citizenId: string
  applicantName: string
  applicantIdNumber: string
  applicantPhone: string
  deliveryMode: 'hall' | 'mail' | 'electronic'
  deliveryAddress: string | null
  promisedLimitDays: number
  visitsRequired: number
  tolerance: { materialNames: string[]; promisedOn: string } | null
}

export async function createCaseFromPrereview(
  tx: Tx,
  input: CaseFromPrereview,
  clock: Clock,
): Promise<{ id: string; number: string; queryPassword: string }> {
  const now = clock.now
  const password = newQueryPassword()
  const number = await nextCaseNumber(tx, shanghaiDate(now))
  const accepted = input.visitsRequired === 0 || input.tolerance !== null
  const deadline = accepted
    ? computeDeadline({ calendar: clock.calendar, hours: clock.hours, acceptedAt: now, limitDays: input.promisedLimitDays, pauses: [], now })
    : null
  const [row] = await tx
    .insert(cases)
    .values({
      number,
      queryPasswordHash: hashQueryPassword(password),
      matterId: input.matterId,
      departmentId: input.departmentId,
      citizenId: input.citizenId,
      applicantName: input.applicantName,
      applicantIdNumber: input.applicantIdNumber,
      applicantPhone: input.applicantPhone,
      status: accepted ? 'accepted' : 'received',
      acceptedAt: accepted ? now : null,
      dueAt: deadline?.dueAt ?? null,
      deadlineUnpublished: deadline?.unpublished ?? false,
      deliveryMode: input.deliveryMode,
      deliveryAddress: input.deliveryMode === 'mail' ? input.deliveryAddress : null,
      toleranceMaterials: input.tolerance?.materialNames ?? null,
      tolerancePromisedOn: input.tolerance?.promisedOn ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id })
  const comment = input.tolerance
    ? `网上预审容缺受理：${input.tolerance.materialNames.join('、')}须于${input.tolerance.promisedOn}前补交`
    : accepted
      ? '网上预审通过，已受理'
      : '网上预审通过，请携带材料原件到窗口核验，只需跑一次'
  await tx.insert(caseSteps).values({
    caseId: row.id,
    at: now,
    status: accepted ? 'accepted' : 'received',
    outcome: 'pass',
    actorKind: 'system',
    comment,
  })
  return { id: row.id, number, queryPassword: password }
}
