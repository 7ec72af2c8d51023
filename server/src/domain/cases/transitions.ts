/**
 * Which actions are allowed from which case status, for whom, and what they
 * do. Pure: no database, no clock. Rules: shared/DOMAIN.md "Cases".
 *
 * - Staff of the case's department advance it; the applicant may only withdraw.
 * - 补正 must be ONE complete notice (一次性告知): requestCorrection only from
 *   `received`, never a second round from `correctionEnded`.
 * - Withdraw: before acceptance → cancelled (已撤件); after → withdrawn (撤回);
 *   not while a special procedure runs, never after the case is finished.
 */
import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus, type StepOutcome, CASE_ACTIONS_NEEDING_COMMENT } from '../../../../types/enums'

export type CaseActor = 'staff' | 'applicant'
export type PauseKind = 'correction' | 'special'

export type StaffAction = Exclude<CaseAction, 'withdraw'>

/** Staff actions by status. Statuses not listed accept none. */
export const STAFF_TRANSITIONS: Partial<Record<CaseStatus, readonly StaffAction[]>> = {
  received: ['accept', 'notAccept', 'reject', 'requestCorrection'],
  correctionStarted: ['endCorrection', 'reject'],
  correctionEnded: ['accept', 'notAccept', 'reject'],
  accepted: ['startHandling', 'approve', 'approveWithTolerance', 'disapprove'],
  handling: ['startSpecial', 'approve', 'approveWithTolerance', 'disapprove'],
  specialStarted: ['endSpecial'],
  specialEnded: ['startSpecial', 'approve', 'approveWithTolerance', 'disapprove'],
}

const TARGET: Record<StaffAction, CaseStatus> = {
  accept: 'accepted',
  notAccept: 'notAccepted',
  reject: 'rejected',
  requestCorrection: 'correctionStarted',
  endCorrection: 'correctionEnded',
  startHandling: 'handling',
  startSpecial: 'specialStarted',
  endSpecial: 'specialEnded',
  approve: 'approved',
  approveWithTolerance: 'approvedWithTolerance',
  disapprove: 'disapproved',
}

const OUTCOME: Record<CaseAction, StepOutcome> = {
  accept: 'pass',
  notAccept: 'return',
  reject: 'return',
  requestCorrection: 'return',
  endCorrection: 'pass',
  startHandling: 'other',
  startSpecial: 'other',
  endSpecial: 'other',
  approve: 'pass',
  approveWithTolerance: 'pass',
  disapprove: 'return',
  withdraw: 'other',
}

/** Actions that must say why (the applicant reads it). */
export const COMMENT_REQUIRED: ReadonlySet<CaseAction> = new Set<CaseAction>(CASE_ACTIONS_NEEDING_COMMENT)

const WITHDRAW_TARGET: Partial<Record<CaseStatus, CaseStatus>> = {
  received: 'cancelled',
  correctionStarted: 'cancelled',
  correctionEnded: 'cancelled',
  accepted: 'withdrawn',
  handling: 'withdrawn',
  specialEnded: 'withdrawn',
}

export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'cancelled',
  'notAccepted',
  'rejected',
  'approved',
  'approvedWithTolerance',
  'disapproved',
  'withdrawn',
  'revoked',
])
export const COMPLETED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['approved', 'approvedWithTolerance', 'disapproved'])
/** Statuses whose clock is stopped. */
export const PAUSED_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['correctionStarted', 'specialStarted'])

export const isFinal = (s: CaseStatus) => FINAL_STATUSES.has(s)

export type Transition = {
  to: CaseStatus
  outcome: StepOutcome
  /** Open a pause of this kind. */
  openPause: PauseKind | null
  /** Close the open pause (any kind) — also when the case ends while paused. */
  closePause: boolean
  /** Set accepted_at and compute the deadline. */
  accepts: boolean
}

export type TransitionRefusal = { statusCode: 400 | 409; message: string; field?: string }
export type TransitionCheck = { ok: true; transition: Transition } | ({ ok: false } & TransitionRefusal)

function finishedReason(status: CaseStatus): string | null {
  if (COMPLETED_STATUSES.has(status)) return '该办件已办结'
  if (status === 'cancelled' || status === 'withdrawn') return '该办件已撤回'
  if (status === 'notAccepted' || status === 'rejected') return '该办件未予受理，已结束'
  if (status === 'revoked') return '该办件已撤销'
  return null
}

/** Whether `actor` may take `action` on a case in `status` (comment checked when given). */
export function checkTransition(status: CaseStatus, action: CaseAction, actor: CaseActor, comment?: string): TransitionCheck {
  const refuse = (message: string, statusCode: 400 | 409 = 409, field?: string): TransitionCheck => ({ ok: false, statusCode, message, field })
  const actionLabel = CASE_ACTIONS[action]
  const finished = finishedReason(status)

  if (action === 'withdraw') {
    if (actor !== 'applicant') return refuse('撤回只能由申请人提出')
    if (finished) return refuse(`${finished}，不能再撤回`)
    if (status === 'specialStarted') return refuse('特别程序进行中，暂不能撤回，请在特别程序结束后再申请')
    const to = WITHDRAW_TARGET[status]
    if (!to) return refuse(`当前状态为“${CASE_STATUSES[status]}”，不能撤回`)
    return { ok: true, transition: { to, outcome: OUTCOME.withdraw, openPause: null, closePause: true, accepts: false } }
  }

  if (actor !== 'staff') return refuse(`申请人不能执行“${actionLabel}”`)
  if (finished) return refuse(`${finished}，不能再${actionLabel}`)
  if (action === 'requestCorrection' && status === 'correctionEnded') {
    return refuse('补正材料须一次性告知，该办件已补正过一次，不能再次要求补正')
  }
  if (!(STAFF_TRANSITIONS[status] ?? []).includes(action)) {
    return refuse(`当前状态为“${CASE_STATUSES[status]}”，不能${actionLabel}`)
  }
  if (comment !== undefined && COMMENT_REQUIRED.has(action) && comment.trim().length === 0) {
    return refuse(`请填写${actionLabel}的理由或说明`, 400, 'comment')
  }
  const to = TARGET[action]
  return {
    ok: true,
    transition: {
      to,
      outcome: OUTCOME[action],
      openPause: action === 'requestCorrection' ? 'correction' : action === 'startSpecial' ? 'special' : null,
      closePause: !PAUSED_STATUSES.has(to),
      accepts: action === 'accept',
    },
  }
}

/** What `actor` may do now, in CASE_ACTIONS order. */
export function allowedActions(status: CaseStatus, actor: CaseActor): CaseAction[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => checkTransition(status, a, actor).ok)
}
