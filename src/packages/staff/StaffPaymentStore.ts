import { makeAutoObservable, runInAction } from 'mobx'
import type { FeeItemsOfCase, FeeOrderDetail } from '../../../types/payments'
import { ApiError, userMessage } from '../../api/ApiError'
import { staffPaymentsApi, type StaffPaymentsApi } from '../../api/staffPayments'
import type { LoadEntry } from '../../stores/CaseStore'
import type { RootStore } from '../../stores/RootStore'
import { shanghaiDate } from './dates'
import { checkFeeOrder, newClientKey, type FeeOrderDraft, type FeeOrderErrors } from './feeOrderDraft'

const IDLE: LoadEntry = { status: 'idle', error: null }

export type CreateOutcome = { ok: true; order: FeeOrderDetail } | { ok: false; errors: FeeOrderErrors }

/**
 * Fee orders (缴款单) at the window: a case's orders with what the server
 * allows on each (撤销 while unpaid, 退款 for leads once paid), the matter's
 * fee items to prefill a new one, and 开具 with a request key kept across
 * retries so a double tap makes one order.
 *
 * Built on first use (`staffPaymentsOf`) by the staff subpackage only.
 */
export class StaffPaymentStore {
  private readonly lists = new Map<string, string[]>()
  private readonly listEntries = new Map<string, LoadEntry>()
  private readonly orders = new Map<string, FeeOrderDetail>()
  private readonly items = new Map<string, FeeItemsOfCase>()
  private readonly itemEntries = new Map<string, LoadEntry>()
  /** The request key of the order being made for a case; renewed once it is made. */
  private readonly keys = new Map<string, string>()

  constructor(
    private readonly api: StaffPaymentsApi,
    private readonly now: () => Date = () => new Date(),
  ) {
    makeAutoObservable<StaffPaymentStore, 'api' | 'now'>(this, { api: false, now: false })
  }

  today(): string {
    return shanghaiDate(this.now())
  }

  ordersOfCase(caseId: string): FeeOrderDetail[] {
    return (this.lists.get(caseId) ?? []).map((id) => this.orders.get(id)).filter((o): o is FeeOrderDetail => !!o)
  }

  listStatus(caseId: string): LoadEntry {
    return this.listEntries.get(caseId) ?? IDLE
  }

  /** The case's orders, each with its detail (canCancel / canRefund are the server's, per order). */
  async loadCaseOrders(caseId: string): Promise<void> {
    this.listEntries.set(caseId, { status: 'loading', error: null })
    try {
      const page = await this.api.list({ caseId, pageSize: 50 })
      const details = await Promise.all(page.items.map((o) => this.api.get(o.id)))
      runInAction(() => {
        details.forEach((d) => this.orders.set(d.id, d))
        this.lists.set(caseId, details.map((d) => d.id))
        this.listEntries.set(caseId, { status: 'ready', error: null })
      })
    } catch (error) {
      runInAction(() => this.listEntries.set(caseId, { status: 'error', error: userMessage(error) }))
    }
  }

  feeItemsOf(caseId: string): FeeItemsOfCase | undefined {
    return this.items.get(caseId)
  }

  feeItemsStatus(caseId: string): LoadEntry {
    return this.itemEntries.get(caseId) ?? IDLE
  }

  loadFeeItems(caseId: string): Promise<void> {
    this.itemEntries.set(caseId, { status: 'loading', error: null })
    return this.api.feeItems(caseId).then(
      (items) =>
        runInAction(() => {
          this.items.set(caseId, items)
          this.itemEntries.set(caseId, { status: 'ready', error: null })
        }),
      (error: unknown) => runInAction(() => void this.itemEntries.set(caseId, { status: 'error', error: userMessage(error) })),
    )
  }

  /** 开具缴费单: checked before sending; a refusal naming `deadline` shows beside it. */
  async create(caseId: string, draft: FeeOrderDraft): Promise<CreateOutcome> {
    const checked = checkFeeOrder(draft, this.today())
    if ('errors' in checked) return { ok: false, errors: checked.errors }
    let clientKey = this.keys.get(caseId)
    if (!clientKey) {
      clientKey = newClientKey()
      this.keys.set(caseId, clientKey)
    }
    try {
      const order = await this.api.create({ caseId, items: checked.items, deadline: draft.deadline, clientKey })
      runInAction(() => {
        this.keys.delete(caseId)
        this.orders.set(order.id, order)
        const list = this.lists.get(caseId) ?? []
        if (!list.includes(order.id)) this.lists.set(caseId, [order.id, ...list])
      })
      return { ok: true, order }
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined
      return { ok: false, errors: field === 'deadline' ? { deadline: userMessage(error) } : { form: userMessage(error) } }
    }
  }

  /** 撤销 (unpaid / paying only; the server closes it at WeChat Pay and says 409 when it turns out paid). */
  cancel(id: string, reason: string): Promise<void> {
    const text = reason.trim()
    if (text.length < 2 || text.length > 200) return Promise.reject(new ApiError(400, '请填写撤销原因（2–200字）', 'Bad Request', 'reason'))
    return this.api.cancel(id, { reason: text }).then((order) => this.remember(order), (error: unknown) => this.refreshAfter(id, error))
  }

  /** 退款 (leads and admins, paid only; one refund number per payment, so a repeat is harmless). */
  refund(id: string, reason: string): Promise<void> {
    const text = reason.trim()
    if (text.length < 2 || text.length > 80) return Promise.reject(new ApiError(400, '请填写退款原因（2–80字）', 'Bad Request', 'reason'))
    return this.api.refund(id, { reason: text }).then((order) => this.remember(order), (error: unknown) => this.refreshAfter(id, error))
  }

  reset(): void {
    this.lists.clear()
    this.listEntries.clear()
    this.orders.clear()
    this.items.clear()
    this.itemEntries.clear()
    this.keys.clear()
  }

  private remember(order: FeeOrderDetail): void {
    runInAction(() => this.orders.set(order.id, order))
  }

  /** A 409 means the order changed (e.g. it was paid meanwhile): show it as it is now, then the refusal. */
  private async refreshAfter(id: string, error: unknown): Promise<never> {
    if (error instanceof ApiError && error.status === 409) {
      await this.api.get(id).then((order) => this.remember(order), () => undefined)
    }
    throw error
  }
}

/** The staff payment store of this RootStore, built on first use (tests pass a fake `client`). */
export function staffPaymentsOf(root: RootStore, client: StaffPaymentsApi = staffPaymentsApi, now?: () => Date): StaffPaymentStore {
  return root.feature('staffPayments', () => new StaffPaymentStore(client, now))
}
