/**
 * Test helpers for the staff pre-review screens: a fake of the staff
 * pre-review calls (each a jest.fn that fails loudly unless told what to
 * answer) and contract-shaped parts.
 */
import type { StaffPrereviewsApi } from '../api/staffPrereviews'
import type { StaffPartDetail, StaffPartSummary } from '../../types/prereviews'
import { caseDeadline } from './fixtures'

export type FakeStaffPrereviewsApi = { [M in keyof StaffPrereviewsApi]: StaffPrereviewsApi[M] & jest.Mock }

export function fakeStaffPrereviewsApi(): FakeStaffPrereviewsApi {
  const methods = ['list', 'get', 'claim', 'release', 'markMaterial', 'decide'] as const
  return Object.fromEntries(
    methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: staffPrereviews.${m}`)))]),
  ) as unknown as FakeStaffPrereviewsApi
}

const contract = <T>(value: object): T => value as unknown as T

export const PART_ID = '00000000-0000-4000-8000-0000000000a1'
export const PREREVIEW_ID = '00000000-0000-4000-8000-0000000000b1'
export const SLOT_LICENCE = '00000000-0000-4000-8000-0000000000c1'
export const SLOT_LEASE = '00000000-0000-4000-8000-0000000000c2'
export const SLOT_PHOTO = '00000000-0000-4000-8000-0000000000c3'

export function staffPartSummary(overrides: Record<string, unknown> = {}): StaffPartSummary {
  return contract<StaffPartSummary>({
    partId: PART_ID,
    prereviewId: PREREVIEW_ID,
    number: 'YS20261122000001',
    matterName: '食品经营许可',
    bundleName: null,
    applicantNameMasked: '张*',
    status: 'pending',
    round: 1,
    submittedAt: '2026-11-22T02:00:00.000Z',
    deadline: caseDeadline({ label: '剩余1个工作日' }),
    claim: null,
    ...overrides,
  })
}

const slot = (key: string, name: string, required: boolean, acceptsTolerance: boolean) => ({
  key,
  name,
  issuer: '申请人',
  required,
  acceptsTolerance,
  notes: '',
  template: null,
  sample: null,
  matterIds: [],
})

const file = (id: string) => ({
  id,
  mimeType: 'image/jpeg',
  bytes: 420_000,
  round: 1,
  url: `/api/files/${id}?expires=1&signature=${'a'.repeat(43)}`,
  urlExpiresAt: '2099-01-01T00:00:00.000Z',
  uploadedAt: '2026-11-22T01:50:00.000Z',
})

/** A pending part with three materials: licence (required), lease (accepts 容缺), photo (optional). */
export function staffPartDetail(overrides: Record<string, unknown> = {}): StaffPartDetail {
  const summary = staffPartSummary()
  return contract<StaffPartDetail>({
    ...summary,
    applicant: { name: '张三', idNumberMasked: '1101**********002X', phoneMasked: '138****5678' },
    form: [{ key: 'shopName', label: '店铺名称', kind: 'text', required: true }],
    fields: { shopName: '玉门小馆' },
    delivery: { mode: 'hall' },
    materials: [
      { slot: slot(SLOT_LICENCE, '营业执照', true, false), files: [file('00000000-0000-4000-8000-0000000000d1')], verdict: null, changedThisRound: false, earlierReviews: [] },
      { slot: slot(SLOT_LEASE, '租赁合同', true, true), files: [file('00000000-0000-4000-8000-0000000000d2')], verdict: null, changedThisRound: false, earlierReviews: [] },
      { slot: slot(SLOT_PHOTO, '门头照片', false, false), files: [], verdict: null, changedThisRound: false, earlierReviews: [] },
    ],
    part: {
      id: PART_ID,
      matterId: '00000000-0000-4000-8000-0000000000e1',
      matterName: '食品经营许可',
      departmentName: '玉门市市场监督管理局',
      status: 'pending',
      reply: '',
      decidedAt: null,
      deadline: summary.deadline,
      tolerance: null,
      receipt: null,
    },
    otherParts: [],
    history: [],
    allowedDecisions: [],
    ...overrides,
  })
}

/** A claim as the server describes it. */
export function claim(mine: boolean, expiresAt = '2099-01-01T00:00:00.000Z') {
  return { staffName: mine ? '张伟' : '王**', mine, expiresAt }
}
