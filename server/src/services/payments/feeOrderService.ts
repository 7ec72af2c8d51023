/**
 * Fee orders (缴款单): staff of the case's department issue, list, cancel and
 * (leads, admins) refund them; citizens see the orders of their own cases and
 * their receipts. Reading an order in `paying` first asks WeChat Pay, so a
 * payment that was taken is never shown unpaid.
 *
 * Who may do what (the server decides; the app only shows it):
 * - citizen: orders on cases whose citizen_id is theirs; others answer 404.
 * - window staff and leads: orders of their department (others 404); create and cancel.
 * - refund: the department's lead, or an admin (window staff 403) — money goes back, so the
 *   person answerable for the department's accounts does it; automatic refunds of refused
 *   cases need nobody.
 * - admin: everything.
 */
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm'
import type { CaseStatus } from '../../../../types/enums'
import type {
  CitizenFeeOrderQuery,
  CreateFeeOrderRequest,
  FeeItemsOfCase,
  FeeOrderDetail,
  FeeOrderPage,
  PaymentReceipt,
  StaffFeeOrderQuery,
} from '../../../../types/payments'
import type { Db } from '../../db/client'
import { cases, citizens, feeOrders, matters, type CitizenRow } from '../../db/schema'
import { isCalendarDate } from '../../domain/calendar/dates'
import { shanghaiDate, shanghaiMinuteInstant } from '../../domain/calendar/shanghaiTime'
import { badRequest, conflict, forbidden, notFound, unavailable } from '../../errors'
import type { WechatPay } from '../../integrations/wechatpay/client'
import { WECHATPAY_NOT_AVAILABLE_MESSAGE } from '../../integrations/wechatpay/client'
import { recordAudit } from '../audit'
import type { StaffPrincipal } from '../auth/sessionService'
import { notify, type NotificationService } from '../notifications/notificationService'
import { pgError } from '../appointments/slots'
import { findFeeOrder, refundsOf, selectFeeOrders, toRecord, type FeeOrderRecord } from './feeOrderRecords'
import { toDetail, toReceipt, toSummary, type Capabilities } from './feeOrderViews'
import { newNoticeNumber, yuan } from './paymentNumbers'
import { openRefund, REFUND_CASE_STATUSES, type PaymentSync } from './paymentSync'
import { paymentStep, type Outbox } from './settlement'

const NOT_FOUND = '未找到该缴款单'
const MAX_AMOUNT_FEN = 1_000_000_000
const PAID = new Set(['paid', 'refunding', 'refunded'])
const CLIENT_KEY_INDEX = 'fee_orders_client_key_unique'
const NOTICE_NUMBER_INDEX = 'fee_orders_notice_number_unique'

export class FeeOrderService {
  constructor(
    private readonly db: Db,
    private readonly wechatPay: WechatPay | null,
    private readonly sync: PaymentSync,
    private readonly notifications: NotificationService,
  ) {}

  // ---- citizen ----

  private async mine(citizen: CitizenRow, id: string): Promise<FeeOrderRecord> {
    const record = await findFeeOrder(this.db, id)
    if (!record || record.citizenId !== citizen.id) throw notFound(NOT_FOUND)
    return record
  }

  /** The citizen's order, settled with WeChat Pay first when a payment is open. */
  async getMineFresh(citizen: CitizenRow, id: string): Promise<FeeOrderRecord> {
    const record = await this.mine(citizen, id)
    if (record.status !== 'paying') return record
    await this.sync.refreshOrder(record.id)
    return this.mine(citizen, id)
  }

  private citizenCan(r: FeeOrderRecord, now: Date): Capabilities {
    const open = r.status === 'unpaid' || r.status === 'paying'
    return { canPay: open && r.deadlineAt > now && this.wechatPay !== null, canCancel: false, canRefund: false }
  }

  async listMine(citizen: CitizenRow, q: CitizenFeeOrderQuery): Promise<FeeOrderPage> {
    const where = and(eq(cases.citizenId, citizen.id), q.caseId ? eq(feeOrders.caseId, q.caseId) : undefined)
    return this.page(where, q.page ?? 1, q.pageSize ?? 20)
  }

  async getMine(citizen: CitizenRow, id: string): Promise<FeeOrderDetail> {
    const record = await this.getMineFresh(citizen, id)
    return this.detail(record, this.citizenCan(record, new Date()))
  }

  async receipt(citizen: CitizenRow, id: string): Promise<PaymentReceipt> {
    const record = await this.getMineFresh(citizen, id)
    if (!PAID.has(record.status)) throw conflict('该缴款单尚未缴费，缴费成功后可查看电子票据')
    return toReceipt(record)
  }

  // ---- staff ----

  private scope(s: StaffPrincipal): SQL | undefined {
    if (s.role === 'admin') return undefined
    return eq(feeOrders.departmentId, s.department!.id)
  }

  private async visibleTo(s: StaffPrincipal, id: string): Promise<FeeOrderRecord> {
    const record = await findFeeOrder(this.db, id)
    if (!record || (s.role !== 'admin' && record.departmentId !== s.department?.id)) throw notFound(NOT_FOUND)
    return record
  }

  private staffCan(s: StaffPrincipal, r: FeeOrderRecord): Capabilities {
    return {
      canPay: false,
      canCancel: r.status === 'unpaid' || r.status === 'paying',
      canRefund: r.status === 'paid' && (s.role === 'lead' || s.role === 'admin') && this.wechatPay !== null,
    }
  }

  async list(s: StaffPrincipal, q: StaffFeeOrderQuery): Promise<FeeOrderPage> {
    const where = and(this.scope(s), q.caseId ? eq(feeOrders.caseId, q.caseId) : undefined, q.status ? eq(feeOrders.status, q.status) : undefined)
    return this.page(where, q.page ?? 1, q.pageSize ?? 20)
  }

  async staffGet(s: StaffPrincipal, id: string): Promise<FeeOrderDetail> {
    let record = await this.visibleTo(s, id)
    if (record.status === 'paying') {
      await this.sync.refreshOrder(record.id)
      record = await this.visibleTo(s, id)
    }
    return this.detail(record, this.staffCan(s, record))
  }

  private async caseFor(s: StaffPrincipal, caseId: string) {
    const [row] = await this.db
      .select({ c: cases, matterName: matters.name, feeCharged: matters.feeCharged, feeBasis: matters.feeBasis, feeItems: matters.feeItems })
      .from(cases)
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .where(eq(cases.id, caseId))
    if (!row || (s.role !== 'admin' && row.c.departmentId !== s.department?.id)) throw notFound('未找到该办件')
    return row
  }

  async feeItems(s: StaffPrincipal, caseId: string): Promise<FeeItemsOfCase> {
    const row = await this.caseFor(s, caseId)
    return {
      caseId,
      matterName: row.matterName,
      feeCharged: row.feeCharged,
      feeBasis: row.feeBasis,
      items: row.feeItems.filter((i) => i.amountFen > 0).map((i) => ({ name: i.name, unitFen: i.amountFen, quantity: 1, unit: i.unit })),
    }
  }

  async create(s: StaffPrincipal, body: CreateFeeOrderRequest, now = new Date()): Promise<{ created: boolean; detail: FeeOrderDetail }> {
    const existing = await this.byClientKey(body.clientKey)
    if (existing) return { created: false, detail: await this.sameRequest(s, existing, body) }
    const { c, matterName } = await this.caseFor(s, body.caseId)
    if ((REFUND_CASE_STATUSES as readonly CaseStatus[]).includes(c.status)) throw conflict('该办件已终止办理，不能开具缴款单')
    if (!isCalendarDate(body.deadline)) throw badRequest('限缴日期不存在，请检查年月日', 'deadline')
    if (body.deadline < shanghaiDate(now)) throw badRequest('限缴日期不能早于今天', 'deadline')
    const amountFen = body.items.reduce((sum, i) => sum + i.unitFen * i.quantity, 0)
    if (amountFen > MAX_AMOUNT_FEN) throw badRequest('缴款金额超出上限，请核对收费项目', 'items')
    // Payable through the end of the deadline day in Shanghai.
    const deadlineAt = shanghaiMinuteInstant(body.deadline, 24 * 60)
    const outbox: Outbox = []
    let orderId = ''
    for (let attempt = 0; ; attempt++) {
      try {
        orderId = await this.db.transaction(async (tx) => {
          const [order] = await tx
            .insert(feeOrders)
            .values({
              caseId: c.id,
              departmentId: c.departmentId,
              noticeNumber: newNoticeNumber(now),
              clientKey: body.clientKey,
              items: body.items,
              amountFen,
              deadline: body.deadline,
              deadlineAt,
              createdBy: s.id,
            })
            .returning()
          await paymentStep(tx, c.id, `开具缴款单${order.noticeNumber}：应缴${yuan(amountFen)}，限缴日期${body.deadline}`, now, s.id)
          await recordAudit(tx, { staffId: s.id, action: 'payment.create', targetKind: 'feeOrder', targetId: order.id, detail: { caseId: c.id, amountFen } })
          // A walk-in case whose applicant signed up by phone later becomes theirs (the rule of CaseService.linkByPhone).
          let citizenId = c.citizenId
          if (!citizenId) {
            const [byPhone] = await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, c.applicantPhone))
            if (byPhone) {
              await tx.update(cases).set({ citizenId: byPhone.id }).where(and(eq(cases.id, c.id), isNull(cases.citizenId)))
              citizenId = byPhone.id
            }
          }
          if (citizenId) {
            outbox.push(
              await notify(tx, {
                citizenId,
                caseId: c.id,
                kind: 'paymentDue',
                subject: { kind: 'payment', id: order.id },
                title: '待缴费',
                body: `您的办件（编号${c.number}，${matterName}）需缴纳费用${yuan(amountFen)}，请于${body.deadline}前缴纳。缴款单号${order.noticeNumber}。`,
                facts: { matter: matterName, amountFen, time: deadlineAt, note: `请于${body.deadline}前缴纳` },
              }),
            )
          }
          return order.id
        })
        break
      } catch (error) {
        const pg = pgError(error)
        if (pg?.code === '23505' && pg.constraint === NOTICE_NUMBER_INDEX && attempt < 3) continue
        if (pg?.code === '23505' && pg.constraint === CLIENT_KEY_INDEX) {
          const raced = await this.byClientKey(body.clientKey)
          if (raced) return { created: false, detail: await this.sameRequest(s, raced, body) }
        }
        throw error
      }
    }
    await this.notifications.dispatch(outbox)
    return { created: true, detail: await this.staffGet(s, orderId) }
  }

  private async byClientKey(clientKey: string): Promise<FeeOrderRecord | null> {
    const [row] = await selectFeeOrders(this.db).where(eq(feeOrders.clientKey, clientKey))
    return row ? toRecord(row) : null
  }

  private async sameRequest(s: StaffPrincipal, existing: FeeOrderRecord, body: CreateFeeOrderRequest): Promise<FeeOrderDetail> {
    if (existing.caseId !== body.caseId) throw conflict('该请求编号已用于其他缴款单，请刷新后重试', 'clientKey')
    return this.staffGet(s, existing.id)
  }

  async cancel(s: StaffPrincipal, id: string, reason: string, now = new Date()): Promise<FeeOrderDetail> {
    const record = await this.visibleTo(s, id)
    if (record.status === 'cancelled') return this.staffGet(s, id)
    if (record.status !== 'unpaid' && record.status !== 'paying') {
      throw conflict(PAID.has(record.status) ? '该缴款单已缴费，不能撤销' : '该缴款单已关闭，不能撤销')
    }
    // Close what the citizen may be paying right now; a payment that went through wins.
    try {
      if (await this.sync.closeOpenAttempts(id, now)) throw conflict('该缴款单刚刚已缴费，不能撤销')
    } catch (error) {
      if (error instanceof Error && 'statusCode' in error) throw error
      throw unavailable('暂时无法确认微信支付状态，请稍后再撤销')
    }
    const outbox: Outbox = []
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(feeOrders)
        .set({ status: 'cancelled', cancelReason: reason.trim(), updatedAt: now })
        .where(and(eq(feeOrders.id, id), eq(feeOrders.status, 'unpaid')))
        .returning()
      if (!row) throw conflict('该缴款单状态刚刚发生变化，请刷新后再试')
      await paymentStep(tx, row.caseId, `缴款单${row.noticeNumber}已撤销：${reason.trim()}`, now, s.id)
      await recordAudit(tx, { staffId: s.id, action: 'payment.cancel', targetKind: 'feeOrder', targetId: id })
      if (record.citizenId) {
        outbox.push(
          await notify(tx, {
            citizenId: record.citizenId,
            caseId: row.caseId,
            subject: { kind: 'payment', id },
            title: '缴款单已撤销',
            body: `您的办件（编号${record.caseNumber}）的缴款单${row.noticeNumber}已撤销，无需缴纳。说明：${reason.trim()}`,
          }),
        )
      }
    })
    await this.notifications.dispatch(outbox)
    return this.staffGet(s, id)
  }

  async refund(s: StaffPrincipal, id: string, reason: string, now = new Date()): Promise<FeeOrderDetail> {
    if (s.role !== 'lead' && s.role !== 'admin') throw forbidden('退款需由部门负责人办理')
    if (!this.wechatPay) throw unavailable(WECHATPAY_NOT_AVAILABLE_MESSAGE)
    const record = await this.visibleTo(s, id)
    if (record.status === 'refunding' || record.status === 'refunded') return this.staffGet(s, id)
    if (record.status !== 'paid') throw conflict('该缴款单尚未缴费，无需退款')
    const refund = await this.db.transaction(async (tx) => {
      const opened = await openRefund(tx, record, reason.trim(), s.id, now)
      if (opened) await recordAudit(tx, { staffId: s.id, action: 'payment.refund', targetKind: 'feeOrder', targetId: id })
      return opened
    })
    if (!refund) {
      // Another request opened it a moment ago: the same refund, answered the same.
      const now2 = await this.visibleTo(s, id)
      if (now2.status === 'refunding' || now2.status === 'refunded') return this.staffGet(s, id)
      throw conflict('该笔缴费此前的退款已被微信支付关闭，请联系管理员线下处理')
    }
    try {
      await this.sync.submitRefund(refund, now)
    } catch {
      // Not sent or no answer: the refund stays open and the reconcile job sends it again under the same number.
    }
    return this.staffGet(s, id)
  }

  // ---- shared ----

  private async page(where: SQL | undefined, page: number, pageSize: number): Promise<FeeOrderPage> {
    const rows = await selectFeeOrders(this.db)
      .where(where)
      .orderBy(desc(feeOrders.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db
      .select({ total: count() })
      .from(feeOrders)
      .innerJoin(cases, eq(cases.id, feeOrders.caseId))
      .where(where)
    return { items: rows.map((r) => toSummary(toRecord(r))), page, pageSize, total }
  }

  private async detail(record: FeeOrderRecord, can: Capabilities): Promise<FeeOrderDetail> {
    const refunds = await refundsOf(this.db, [record.id])
    return toDetail(record, refunds.get(record.id) ?? [], can)
  }
}
