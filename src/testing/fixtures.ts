/**
 * Contract-shaped test data. `contract<T>()` lets a test override any field
 * with a loosely typed value (e.g. an invalid one on purpose).
 */
import type { CitizenProfile, StaffProfile } from '../../types/auth'
import type { Catalog } from '../../types/catalog'
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
    ...overrides,
  })
}

export const FUTURE = '2099-01-01T00:00:00.000Z'
