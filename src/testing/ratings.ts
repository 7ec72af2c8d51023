/**
 * Test helpers for the rating screens: fakes of the citizen and staff rating
 * calls (each a jest.fn that fails loudly unless told what to answer) and
 * contract-shaped ratings and statistics.
 */
import type { RatingsApi } from '../api/ratings'
import type { StaffRatingsApi } from '../api/staffRatings'
import type { RateableItem, RatingDetail, RatingStatistics, RatingTarget, StaffBadRatingDetail } from '../../types/ratings'

export type FakeRatingsApi = { [M in keyof RatingsApi]: RatingsApi[M] & jest.Mock }
export type FakeStaffRatingsApi = { [M in keyof StaffRatingsApi]: StaffRatingsApi[M] & jest.Mock }

function fakeGroup<T>(name: string, methods: readonly string[]): T {
  return Object.fromEntries(methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: ${name}.${m}`)))])) as unknown as T
}

export const fakeRatingsApi = () =>
  fakeGroup<FakeRatingsApi>('ratings', ['rateable', 'create', 'list', 'get', 'checkAnonymous', 'createAnonymous'])
export const fakeStaffRatingsApi = () =>
  fakeGroup<FakeStaffRatingsApi>('staffRatings', ['list', 'get', 'verify', 'rectify', 'appeal', 'decideAppeal', 'statistics'])

const contract = <T>(value: object): T => value as unknown as T

export const CASE_ID = '00000000-0000-4000-8000-0000000000d1'
export const RATING_ID = '00000000-0000-4000-8000-0000000000e1'
export const RE_RATING_ID = '00000000-0000-4000-8000-0000000000e2'

export function ratingTarget(overrides: Partial<RatingTarget> = {}): RatingTarget {
  return {
    kind: 'case',
    caseId: CASE_ID,
    caseNumber: 'BJ20261122000001',
    appointmentId: null,
    matterName: '个体工商户设立登记',
    departmentName: '玉门市市场监督管理局',
    dimension: 'inPerson',
    ...overrides,
  }
}

export function rateableItem(overrides: Partial<RateableItem> = {}): RateableItem {
  return {
    target: ratingTarget(),
    completedAt: '2026-11-22T02:00:00.000Z',
    reRate: false,
    previousRatingId: null,
    defaultsOn: '2026-11-29T02:00:00.000Z',
    ...overrides,
  }
}

export function ratingDetail(overrides: Record<string, unknown> = {}): RatingDetail {
  return contract<RatingDetail>({
    id: RATING_ID,
    target: ratingTarget(),
    level: 'dissatisfied',
    channel: 'mobile',
    round: 1,
    bad: true,
    badStatus: 'pending',
    createdAt: '2026-11-22T03:00:00.000Z',
    scores: { overall: 2 },
    tags: ['slow'],
    text: '',
    reply: null,
    canRateAgain: false,
    previousRatingId: null,
    ...overrides,
  })
}

export function staffBadRating(overrides: Record<string, unknown> = {}): StaffBadRatingDetail {
  return contract<StaffBadRatingDetail>({
    id: RATING_ID,
    target: ratingTarget(),
    department: { id: 'dept-market', name: '玉门市市场监督管理局' },
    level: 'dissatisfied',
    channel: 'mobile',
    tags: ['slow'],
    text: '等了很久',
    applicantNameMasked: '张**',
    createdAt: '2026-11-22T03:00:00.000Z',
    status: 'pending',
    appealStatus: null,
    deadline: { dueAt: '2026-11-29T10:00:00.000Z', light: 'green', label: '剩余5个工作日', paused: false, calendarUnpublished: false },
    windowNumber: '3',
    scores: { overall: 2 },
    verification: null,
    rectification: null,
    appeal: null,
    reRating: null,
    history: [],
    allowedActions: ['verify', 'rectify', 'appeal'],
    ...overrides,
  })
}

const figures = (total: number, bad: number) => ({ total, good: total - bad, bad, satisfactionRate: total ? (total - bad) / total : null })

export function ratingStatistics(overrides: Record<string, unknown> = {}): RatingStatistics {
  return contract<RatingStatistics>({
    scope: { department: { id: 'dept-market', name: '玉门市市场监督管理局' }, from: '2025-12-01', to: '2026-11-30', granularity: 'month' },
    ...figures(20, 4),
    excluded: 1,
    systemDefault: 3,
    byLevel: [
      { level: 'verySatisfied', count: 10 },
      { level: 'satisfied', count: 4 },
      { level: 'basicallySatisfied', count: 2 },
      { level: 'dissatisfied', count: 3 },
      { level: 'veryDissatisfied', count: 1 },
    ],
    byChannel: [{ channel: 'mobile', count: 17 }, { channel: 'systemDefault', count: 3 }],
    trend: [
      { period: '2026-09', label: '2026年9月', ...figures(0, 0) },
      { period: '2026-10', label: '2026年10月', ...figures(5, 1) },
      { period: '2026-11', label: '2026年11月', ...figures(15, 3) },
    ],
    byMatter: [{ matterId: 'm1', matterName: '个体工商户设立登记', ...figures(12, 3) }, { matterId: 'm2', matterName: '食品经营许可', ...figures(8, 1) }],
    byWindow: [{ window: '3', ...figures(11, 2) }, { window: null, ...figures(9, 2) }],
    rectification: { total: 4, rectified: 3, onTime: 2, late: 1, open: 1, openOverdue: 0, rectificationRate: 0.75, timelyRate: 0.5 },
    ...overrides,
  })
}
