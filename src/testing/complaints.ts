/**
 * Test helpers for the complaint screens: fakes of the citizen and staff
 * complaint calls (each a jest.fn that fails loudly unless told what to
 * answer) and contract-shaped complaints.
 */
import type { ComplaintsApi } from '../api/complaints'
import type { StaffComplaintsApi } from '../api/staffComplaints'
import type { ComplaintDetail, ComplaintPhoto, StaffComplaintDetail } from '../../types/complaints'

export type FakeComplaintsApi = { [M in keyof ComplaintsApi]: ComplaintsApi[M] & jest.Mock }
export type FakeStaffComplaintsApi = { [M in keyof StaffComplaintsApi]: StaffComplaintsApi[M] & jest.Mock }

function fakeGroup<T>(name: string, methods: readonly string[]): T {
  return Object.fromEntries(methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: ${name}.${m}`)))])) as unknown as T
}

export const fakeComplaintsApi = () => fakeGroup<FakeComplaintsApi>('complaints', ['create', 'list', 'get', 'rate'])
export const fakeStaffComplaintsApi = () => fakeGroup<FakeStaffComplaintsApi>('staffComplaints', ['list', 'get', 'act'])

export const COMPLAINT_ID = '00000000-0000-4000-8000-0000000000f1'
export const COMPLAINT_CASE_ID = '00000000-0000-4000-8000-0000000000d1'
export const DEPARTMENT_ID = '00000000-0000-4000-8000-0000000000a1'

export function complaintPhoto(n: number): ComplaintPhoto {
  return { id: `00000000-0000-4000-8000-00000000010${n}`, url: `/api/files/signed/photo-${n}`, contentType: 'image/jpeg', size: 1000 + n }
}

export function complaintDetail(overrides: Partial<ComplaintDetail> = {}): ComplaintDetail {
  return {
    id: COMPLAINT_ID,
    number: 'TS20261122000001',
    kind: 'complaint',
    category: 'attitude',
    excerpt: '窗口工作人员态度生硬',
    status: 'submitted',
    department: { id: DEPARTMENT_ID, name: '玉门市市场监督管理局' },
    createdAt: '2026-11-22T03:00:00.000Z',
    deadline: { dueAt: '2026-11-29T10:00:00.000Z', light: 'green', remainingMinutes: 2400, label: '剩余5个工作日', paused: false, calendarUnpublished: false },
    content: '窗口工作人员态度生硬，不愿解释材料要求',
    case: null,
    photos: [],
    reply: null,
    rating: null,
    canRate: false,
    ...overrides,
  }
}

export function staffComplaint(overrides: Partial<StaffComplaintDetail> = {}): StaffComplaintDetail {
  return {
    ...complaintDetail(),
    citizenNameMasked: '张**',
    phoneMasked: '139****7890',
    handledBy: null,
    allowedActions: ['accept', 'reply'],
    ...overrides,
  }
}
