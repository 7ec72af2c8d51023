import { makeAutoObservable, runInAction } from 'mobx'
import type { CaseDetail, CaseSummary, Supervision, WalkInReceipt } from '../../types/cases'
import type { CaseAction, CaseStatus, DeliveryMode, Light } from '../../types/enums'
import { checkResidentId, isMobile, MOBILE_MESSAGE, RESIDENT_ID_MESSAGES } from '../../types/validators'
import { userMessage } from '../api/ApiError'
import { staffCasesApi, type StaffCasesApi } from '../api/staffCases'
import type { LoadEntry } from './CaseStore'
import type { LoadStatus } from './loadState'
import { PagedList } from './PagedList'
import type { RootStore } from './RootStore'

export const STAFF_CASE_PAGE_SIZE = 20

export interface QueueFilters {
  light: Light | null
  status: CaseStatus | null
  /** Unfinished cases only (the server's default). */
  active: boolean
}

export interface WalkInForm {
  matterId: string
  applicantName: string
  applicantIdNumber: string
  applicantPhone: string
  deliveryMode: DeliveryMode
  address: string
}

export type WalkInErrors = Partial<Record<keyof WalkInForm, string>>

/** The contract's name rule (types/cases.ts WalkInRequest). */
const NAME_PATTERN = /^[\u4e00-\u9fa5·]{2,30}$/

/** Field errors to show beside the inputs before any request; empty when the form may be sent. */
export function validateWalkIn(form: WalkInForm): WalkInErrors {
  const errors: WalkInErrors = {}
  if (!form.matterId) errors.matterId = '请选择办理事项'
  if (!NAME_PATTERN.test(form.applicantName.trim())) errors.applicantName = '请输入申请人身份证上的中文姓名（2–30个汉字）'
  const idProblem = checkResidentId(form.applicantIdNumber)
  if (idProblem) errors.applicantIdNumber = RESIDENT_ID_MESSAGES[idProblem]
  if (!isMobile(form.applicantPhone)) errors.applicantPhone = MOBILE_MESSAGE
  const address = form.address.trim()
  if (form.deliveryMode === 'mail' && (address.length < 5 || address.length > 200)) errors.address = '请填写邮寄地址（5–200字）'
  return errors
}

/**
 * The staff side of cases: the department's queue (server-sorted by urgency)
 * with light/status filters, a case with the actions the server allows,
 * 窗口收件 and its one-time receipt, and a lead's supervision view.
 *
 * Built on first use by the staff subpackage (`staffCasesOf`), so its code
 * ships there and not in the main package.
 */
export class StaffCaseStore {
  filters: QueueFilters = { light: null, status: null, active: true }
  readonly queue: PagedList<CaseSummary>

  /** The last walk-in receipt: its query password exists nowhere else, so it lives in memory only. */
  receipt: WalkInReceipt | null = null

  supervision: Supervision | null = null
  supervisionStatus: LoadStatus = 'idle'
  supervisionError: string | null = null

  private readonly details = new Map<string, CaseDetail>()
  private readonly entries = new Map<string, LoadEntry>()

  constructor(private readonly api: StaffCasesApi) {
    this.queue = new PagedList((page) =>
      api.list({
        page,
        pageSize: STAFF_CASE_PAGE_SIZE,
        light: this.filters.light ?? undefined,
        status: this.filters.status ?? undefined,
        active: this.filters.active,
      }),
    )
    makeAutoObservable<StaffCaseStore, 'api'>(this, { api: false, queue: false })
  }

  setFilters(patch: Partial<QueueFilters>): Promise<void> {
    this.filters = { ...this.filters, ...patch }
    return this.queue.reload()
  }

  caseById(id: string): CaseDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? { status: 'idle', error: null }
  }

  async loadCase(id: string): Promise<void> {
    if (this.detailStatus(id).status === 'loading') return
    this.entries.set(id, { status: 'loading', error: null })
    try {
      const detail = await this.api.get(id)
      runInAction(() => this.remember(detail))
    } catch (error) {
      runInAction(() => this.entries.set(id, { status: 'error', error: userMessage(error) }))
    }
  }

  /** Advances a case; the server's answer (new status, steps, allowed actions) replaces ours. Rejects with its reason. */
  async act(id: string, action: CaseAction, comment: string): Promise<void> {
    const detail = await this.api.act(id, { action, comment: comment.trim() })
    runInAction(() => this.remember(detail))
  }

  async setDelivery(id: string, courier: string, trackingNumber: string): Promise<void> {
    const detail = await this.api.setDelivery(id, { courier: courier.trim(), trackingNumber: trackingNumber.trim() })
    runInAction(() => this.remember(detail))
  }

  /**
   * 窗口收件. Returns the field errors and sends nothing when the form is not
   * valid; otherwise registers the case and keeps the receipt for printing.
   */
  async registerWalkIn(form: WalkInForm): Promise<WalkInErrors> {
    const errors = validateWalkIn(form)
    if (Object.keys(errors).length > 0) return errors
    const address = form.address.trim()
    const receipt = await this.api.registerWalkIn({
      matterId: form.matterId,
      applicantName: form.applicantName.trim(),
      applicantIdNumber: form.applicantIdNumber.trim().toUpperCase(),
      applicantPhone: form.applicantPhone.trim(),
      delivery: form.deliveryMode === 'mail' ? { mode: 'mail', address } : { mode: form.deliveryMode },
    })
    runInAction(() => {
      this.receipt = receipt
      this.remember(receipt.case)
    })
    return {}
  }

  async loadSupervision(): Promise<void> {
    this.supervisionStatus = 'loading'
    this.supervisionError = null
    try {
      const supervision = await this.api.supervision()
      runInAction(() => {
        this.supervision = supervision
        this.supervisionStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.supervisionStatus = 'error'
        this.supervisionError = userMessage(error)
      })
    }
  }

  reset(): void {
    this.filters = { light: null, status: null, active: true }
    this.queue.reset()
    this.receipt = null
    this.supervision = null
    this.supervisionStatus = 'idle'
    this.supervisionError = null
    this.details.clear()
    this.entries.clear()
  }

  private remember(detail: CaseDetail): void {
    this.details.set(detail.id, detail)
    this.entries.set(detail.id, { status: 'ready', error: null })
    this.queue.patch(detail.id, { status: detail.status, deadline: detail.deadline })
  }
}

/** The staff case store of this RootStore, built on first use (tests pass a fake `client`). */
export function staffCasesOf(root: RootStore, client: StaffCasesApi = staffCasesApi): StaffCaseStore {
  return root.feature('staffCases', () => new StaffCaseStore(client))
}
