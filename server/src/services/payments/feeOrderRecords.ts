/** Reading fee orders with the case facts every view and check needs. */
import { asc, eq, inArray } from 'drizzle-orm'
import type { CaseStatus } from '../../../../types/enums'
import type { DbOrTx } from '../../db/client'
import { cases, departments, feeOrders, matters, paymentRefunds, type FeeOrderRow, type PaymentRefundRow } from '../../db/schema'

export interface FeeOrderRecord extends FeeOrderRow {
  caseNumber: string
  caseStatus: CaseStatus
  /** The case's citizen: the only citizen who may see or pay the order. */
  citizenId: string | null
  applicantName: string
  matterName: string
  departmentName: string
}

export function selectFeeOrders(db: DbOrTx) {
  return db
    .select({
      order: feeOrders,
      caseNumber: cases.number,
      caseStatus: cases.status,
      citizenId: cases.citizenId,
      applicantName: cases.applicantName,
      matterName: matters.name,
      departmentName: departments.name,
    })
    .from(feeOrders)
    .innerJoin(cases, eq(cases.id, feeOrders.caseId))
    .innerJoin(matters, eq(matters.id, cases.matterId))
    .innerJoin(departments, eq(departments.id, feeOrders.departmentId))
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectFeeOrders>['execute']>>[number]

export const toRecord = (row: Selected): FeeOrderRecord => ({
  ...row.order,
  caseNumber: row.caseNumber,
  caseStatus: row.caseStatus,
  citizenId: row.citizenId,
  applicantName: row.applicantName,
  matterName: row.matterName,
  departmentName: row.departmentName,
})

export async function findFeeOrder(db: DbOrTx, id: string): Promise<FeeOrderRecord | null> {
  const [row] = await selectFeeOrders(db).where(eq(feeOrders.id, id))
  return row ? toRecord(row) : null
}

export async function refundsOf(db: DbOrTx, orderIds: string[]): Promise<Map<string, PaymentRefundRow[]>> {
  const map = new Map<string, PaymentRefundRow[]>()
  if (orderIds.length === 0) return map
  const rows = await db.select().from(paymentRefunds).where(inArray(paymentRefunds.feeOrderId, orderIds)).orderBy(asc(paymentRefunds.createdAt))
  for (const r of rows) map.set(r.feeOrderId, [...(map.get(r.feeOrderId) ?? []), r])
  return map
}
