/** Row → contract mapping: deadlines and lights at read time, every personal field masked. */
import { STAFF_ROLES, type CaseAction, type CaseStatus, type StaffRole } from '../../../../types/enums'
import type { CaseDeadline, CaseDetail, CaseStep, CaseSummary } from '../../../../types/cases'
import { maskName, maskPhone, maskResidentId } from '../../../../types/validators'
import type { CaseRow, CaseStepRow } from '../../db/schema'
import { computeDeadline, deadlineLight, lightLabel, type OfficeHours, type Pause, type WorkdayCalendar } from '../../domain/calendar'
import { PAUSED_STATUSES } from '../../domain/cases/transitions'

/** A case row with what every view needs from its matter and department. */
export type CaseRecord = CaseRow & { matterName: string; promisedLimitDays: number; departmentName: string }

export type StepRecord = CaseStepRow & { staffName: string | null; staffRole: StaffRole | null }

export interface Clock {
  calendar: WorkdayCalendar
  hours: OfficeHours
  now: Date
}

const COMPLETED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['approved', 'approvedWithTolerance', 'disapproved'])

/**
 * The deadline at `now` (or frozen at the finish for a completed case, labelled 按期/超期办结). While
 * the clock is stopped, the open pause is taken to end now, so the remaining
 * time stays put. Null before acceptance.
 */
export function deadlineOf(
  c: Pick<CaseRecord, 'status' | 'acceptedAt' | 'dueAt' | 'finishedAt' | 'deadlineUnpublished' | 'promisedLimitDays'>,
  pauses: readonly Pause[],
  clock: Clock,
): CaseDeadline | null {
  if (!c.acceptedAt || !c.dueAt) return null
  // Ended without a decision on the matter (撤回, 撤销…): no clock to show.
  if (c.finishedAt && !COMPLETED_STATUSES.has(c.status)) return null
  const { calendar, hours } = clock
  const now = c.finishedAt ?? clock.now
  const paused = PAUSED_STATUSES.has(c.status) && pauses.some((p) => p.to === null)
  const dueAt = paused
    ? computeDeadline({ calendar, hours, acceptedAt: c.acceptedAt, limitDays: c.promisedLimitDays, pauses, now }).dueAt
    : c.dueAt
  const result = deadlineLight({ calendar, hours, dueAt, now, paused })
  const unpublished = c.deadlineUnpublished || result.unpublished
  return {
    dueAt: dueAt.toISOString(),
    light: result.light,
    remainingMinutes: result.remainingMinutes,
    label: c.finishedAt ? (result.light === 'red' ? '超期办结' : '按期办结') : lightLabel({ ...result, unpublished }, hours),
    paused,
    calendarUnpublished: unpublished,
  }
}

/** 窗口人员 王** — never a staff member's full name. */
export function actorLabel(step: Pick<StepRecord, 'actorKind' | 'staffName' | 'staffRole'>): string {
  if (step.actorKind === 'citizen') return '申请人'
  if (step.actorKind === 'system') return '系统'
  const role = step.staffRole ? STAFF_ROLES[step.staffRole] : '工作人员'
  return step.staffName ? `${role} ${maskName(step.staffName)}` : role
}

export function toStep(s: Pick<StepRecord, 'at' | 'status' | 'outcome' | 'actorKind' | 'staffName' | 'staffRole' | 'comment'>): CaseStep {
  return { at: s.at.toISOString(), status: s.status, outcome: s.outcome, actor: actorLabel(s), comment: s.comment }
}

/** 甘肃省兰州市**** — enough to recognise, not to locate. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim())
  return chars.slice(0, Math.min(6, Math.max(1, chars.length - 4))).join('') + '****'
}

export function toSummary(c: CaseRecord, deadline: CaseDeadline | null): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    matter: { id: c.matterId, name: c.matterName },
    department: { id: c.departmentId, name: c.departmentName },
    status: c.status,
    applicantNameMasked: maskName(c.applicantName),
    createdAt: c.createdAt.toISOString(),
    deadline,
  }
}

export function toDetail(
  c: CaseRecord,
  steps: readonly StepRecord[],
  deadline: CaseDeadline | null,
  allowedActions: CaseAction[],
): CaseDetail {
  return {
    ...toSummary(c, deadline),
    applicantPhoneMasked: maskPhone(c.applicantPhone),
    applicantIdNumberMasked: c.applicantIdNumber ? maskResidentId(c.applicantIdNumber) : null,
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
    delivery: {
      mode: c.deliveryMode,
      addressMasked: c.deliveryAddress ? maskAddress(c.deliveryAddress) : null,
      courier: c.courier,
      trackingNumber: c.trackingNumber,
    },
    steps: steps.map(toStep),
    tolerance:
      c.toleranceMaterials && c.tolerancePromisedOn
        ? { materials: c.toleranceMaterials, promisedOn: c.tolerancePromisedOn, fulfilledAt: c.toleranceFulfilledAt?.toISOString() ?? null }
        : null,
    allowedActions,
  }
}
