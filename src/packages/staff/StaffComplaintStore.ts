import { makeAutoObservable, runInAction } from 'mobx'
import type { ComplaintActionRequest, ComplaintStatus, StaffComplaintDetail, StaffComplaintSummary } from '../../../types/complaints'
import type { Light } from '../../../types/enums'
import { ApiError, userMessage } from '../../api/ApiError'
import { staffComplaintsApi, type StaffComplaintsApi } from '../../api/staffComplaints'
import type { LoadEntry } from '../../stores/CaseStore'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'
import { REPLY_MAX, REPLY_MIN } from '../complaints/labels'

export const STAFF_COMPLAINT_PAGE_SIZE = 20

/** 待处理 (submitted or processing), everything, or one status. */
export type ComplaintScope = 'open' | 'all' | ComplaintStatus

export interface ComplaintFilters {
  scope: ComplaintScope
  light: Light | null
}

export type ComplaintActionErrors = Partial<Record<'text' | 'department' | 'form', string>>

const IDLE: LoadEntry = { status: 'idle', error: null }

/** The list query of these filters (the contract's StaffComplaintListQuery). */
export function listQuery(filters: ComplaintFilters) {
  const { scope, light } = filters
  return {
    light: light ?? undefined,
    open: scope === 'open' ? true : undefined,
    status: scope === 'open' || scope === 'all' ? undefined : scope,
  }
}

/**
 * The department's complaints and suggestions (投诉建议; an admin sees all,
 * including those no department handles yet): the queue with reply lights
 * (server order: open ones by due time first), one complaint with the
 * actions the server allows — 受理, 答复 (reaches the citizen), 指派部门.
 *
 * Built on first use by the staff subpackage (`staffComplaintsOf`), so its code ships there.
 */
export class StaffComplaintStore {
  filters: ComplaintFilters = { scope: 'open', light: null }
  readonly list: PagedList<StaffComplaintSummary>

  private readonly details = new Map<string, StaffComplaintDetail>()
  private readonly entries = new Map<string, LoadEntry>()

  constructor(private readonly api: StaffComplaintsApi) {
    this.list = new PagedList((page) => api.list({ page, pageSize: STAFF_COMPLAINT_PAGE_SIZE, ...listQuery(this.filters) }))
    makeAutoObservable<StaffComplaintStore, 'api'>(this, { api: false, list: false })
  }

  setFilters(patch: Partial<ComplaintFilters>): Promise<void> {
    this.filters = { ...this.filters, ...patch }
    return this.list.reload()
  }

  complaintById(id: string): StaffComplaintDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  loadComplaint(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    return this.api.get(id).then(
      (detail) => this.remember(detail),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** 受理 (待受理 → 处理中). Resolves with the errors to show; empty when done. */
  accept(id: string): Promise<ComplaintActionErrors> {
    return this.act(id, { action: 'accept' })
  }

  /** 答复: the citizen gets it as a message and may rate it. */
  reply(id: string, text: string): Promise<ComplaintActionErrors> {
    const reply = text.trim()
    const length = Array.from(reply).length
    if (length < REPLY_MIN) return Promise.resolve({ text: `请填写答复内容（至少${REPLY_MIN}个字）` })
    if (length > REPLY_MAX) return Promise.resolve({ text: `答复内容不能超过${REPLY_MAX}个字` })
    return this.act(id, { action: 'reply', text: reply })
  }

  /** 指派部门 (admin): the department that is to handle it. */
  assign(id: string, departmentId: string | null): Promise<ComplaintActionErrors> {
    if (!departmentId) return Promise.resolve({ department: '请选择承办部门' })
    return this.act(id, { action: 'assign', departmentId })
  }

  reset(): void {
    this.filters = { scope: 'open', light: null }
    this.list.reset()
    this.details.clear()
    this.entries.clear()
  }

  private async act(id: string, request: ComplaintActionRequest): Promise<ComplaintActionErrors> {
    try {
      this.remember(await this.api.act(id, request))
      return {}
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined
      if (error instanceof ApiError && error.status === 409) void this.loadComplaint(id)
      return { [field === 'text' ? 'text' : field === 'departmentId' ? 'department' : 'form']: userMessage(error) }
    }
  }

  private remember(detail: StaffComplaintDetail): void {
    runInAction(() => {
      this.details.set(detail.id, detail)
      this.entries.set(detail.id, { status: 'ready', error: null })
      this.list.patch(detail.id, { status: detail.status, deadline: detail.deadline, department: detail.department })
    })
  }
}

/** The staff complaint store of this RootStore, built on first use (tests pass a fake `client`). */
export function staffComplaintsOf(root: RootStore, client: StaffComplaintsApi = staffComplaintsApi): StaffComplaintStore {
  return root.feature('staffComplaints', () => new StaffComplaintStore(client))
}
