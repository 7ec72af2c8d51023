/**
 * Contract-shaped test data. `contract<T>()` lets a test override any field
 * with a loosely typed value (e.g. an invalid one on purpose).
 */
import type { CitizenProfile, StaffProfile } from '../../types/auth'
import type { CaseDeadline, CaseDetail, CaseProgress, CaseSummary } from '../../types/cases'
import type { Catalog } from '../../types/catalog'
import type { Notification } from '../../types/notifications'
import type { MatterDetail, MatterPage, MatterSummary } from '../../types/matters'

const contract = <T>(value: object): T => value as unknown as T

let counter = 0
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`

export function matterSummary(overrides: Partial<Record<keyof MatterSummary, unknown>> = {}): MatterSummary {
  return contract<MatterSummary>({
    id: uuid(),
    name: '个体工商户设立登记',
    type: 'licensing',
    caseKind: 'promised',
    department: { id: 'dept-market', name: '玉门市市场监督管理局' },
    promisedLimitDays: 1,
    visitsRequired: 0,
    audiences: ['person'],
    topics: ['开办企业'],
    flags: { appointment: true, onlinePayment: false, mailDelivery: true, onlineApplication: true },
    ...overrides,
  })
}

export function matterDetail(overrides: Partial<Record<keyof MatterDetail, unknown>> = {}): MatterDetail {
  const summary = matterSummary()
  return contract<MatterDetail>({
    ...summary,
    basicCode: '000104001000',
    implementationCode: '11620982MB1234567X4000104001000',
    department: { id: 'dept-market', name: '玉门市市场监督管理局', creditCode: '11620982MB1234567X' },
    legalLimitDays: 15,
    legalBasis: '《促进个体工商户发展条例》',
    conditions: ['申请人具有经营能力'],
    process: [{ name: '申请', description: '提交材料' }],
    materials: [],
    fee: { charged: false, basis: '', items: [] },
    hall: {
      id: 'hall-1',
      name: '玉门市民中心',
      address: '玉门市新市区',
      latitude: 40.29,
      longitude: 97.04,
      hoursText: '工作日 8:30-12:00 14:30-18:00',
      windows: ['A03'],
    },
    consultPhone: '0937-3322110',
    supervisionPhone: '0937-12345',
    faqs: [],
    updatedAt: '2025-03-01T00:00:00.000Z',
    ...overrides,
  })
}

export function matterPage(items: MatterSummary[], page: number, total: number, pageSize = 20): MatterPage {
  return { items, page, pageSize, total }
}

export function catalog(): Catalog {
  return contract<Catalog>({
    departments: [
      {
        id: 'dept-market',
        name: '玉门市市场监督管理局',
        shortName: '市场监管',
        creditCode: '11620982MB1234567X',
        phone: '0937-3322110',
        matterCount: 5,
      },
    ],
    topics: [
      { name: '开办企业', audience: 'company', matterCount: 3 },
      { name: '社会保障', audience: 'person', matterCount: 4 },
    ],
    matterCount: 9,
  })
}

export function citizenProfile(overrides: Record<string, unknown> = {}): CitizenProfile {
  return contract<CitizenProfile>({
    id: uuid(),
    phoneMasked: '138****5678',
    wechatLinked: false,
    realName: null,
    identityLevel: 'none',
    ...overrides,
  })
}

export function staffProfile(overrides: Record<string, unknown> = {}): StaffProfile {
  return contract<StaffProfile>({
    id: uuid(),
    username: 'zhangwei',
    displayName: '张伟',
    role: 'window',
    department: { id: 'dept-market', name: '玉门市市场监督管理局' },
    canEditGuides: false,
    canSupervise: false,
    ...overrides,
  })
}

export const FUTURE = '2099-01-01T00:00:00.000Z'

export function caseDeadline(overrides: Record<string, unknown> = {}): CaseDeadline {
  return contract<CaseDeadline>({
    dueAt: '2026-11-27T10:00:00.000Z',
    light: 'green',
    remainingMinutes: 1260,
    label: '剩余3个工作日',
    paused: false,
    calendarUnpublished: false,
    ...overrides,
  })
}

export function caseSummary(overrides: Record<string, unknown> = {}): CaseSummary {
  return contract<CaseSummary>({
    id: uuid(),
    number: `YM2026112200${String(counter).padStart(4, '0')}`,
    matter: { id: 'matter-1', name: '个体工商户设立登记' },
    department: { id: 'dept-market', name: '玉门市市场监督管理局' },
    status: 'accepted',
    applicantNameMasked: '张*',
    createdAt: '2026-11-20T02:00:00.000Z',
    deadline: caseDeadline(),
    ...overrides,
  })
}

export function caseDetail(overrides: Record<string, unknown> = {}): CaseDetail {
  return contract<CaseDetail>({
    ...caseSummary(),
    applicantPhoneMasked: '138****5678',
    applicantIdNumberMasked: '1101**********002X',
    acceptedAt: '2026-11-20T02:30:00.000Z',
    delivery: { mode: 'hall', addressMasked: null, courier: null, trackingNumber: null },
    steps: [
      { at: '2026-11-20T02:30:00.000Z', status: 'accepted', outcome: 'pass', actor: '窗口人员 王**', comment: '' },
      { at: '2026-11-20T02:00:00.000Z', status: 'received', outcome: 'pass', actor: '窗口人员 王**', comment: '' },
    ],
    allowedActions: ['withdraw'],
    ...overrides,
  })
}

export function caseProgress(overrides: Record<string, unknown> = {}): CaseProgress {
  const detail = caseDetail()
  return contract<CaseProgress>({
    number: detail.number,
    matterName: detail.matter.name,
    departmentName: detail.department.name,
    applicantNameMasked: '张*',
    status: detail.status,
    deadline: detail.deadline,
    steps: detail.steps,
    ...overrides,
  })
}

export function notification(overrides: Record<string, unknown> = {}): Notification {
  return contract<Notification>({
    id: uuid(),
    title: '办件已受理',
    body: '您的办件已受理，承诺3个工作日内办结。',
    caseId: null,
    createdAt: '2026-11-20T02:30:00.000Z',
    read: false,
    ...overrides,
  })
}
