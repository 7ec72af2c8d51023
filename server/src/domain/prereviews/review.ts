/**
 * The rules of reviewing a pre-review part, and of the whole pre-review's
 * status. Pure: no database, no clock. Rules: shared/DOMAIN.md "Pre-review".
 *
 * - A reply covers every attached material (一次性告知): no decision while an
 *   attached material is unmarked, so a return lists everything at once.
 * - pass: every attached material passed and every required one attached.
 * - tolerate (容缺): what is missing or returned is non-essential (optional or
 *   容缺-eligible), listed exactly, with the rest passed.
 * - return: at least one material returned, each with its reason.
 * - refuse (不予受理): always possible, with the legal reason.
 * - The whole pre-review: pending while any part is; refused if any part is;
 *   returned if any part is; passed when every part passed or was tolerated.
 */
import type { MaterialVerdict, PartStatus, PrereviewDecision, PrereviewStatus } from '../../../../types/enums'

export interface PartSlot {
  key: string
  name: string
  required: boolean
  acceptsTolerance: boolean
  /** Has current pages. */
  attached: boolean
}

export type VerdictMap = ReadonlyMap<string, { verdict: MaterialVerdict; reason: string }>

export type DecisionCheck =
  | { ok: true; status: PartStatus; toleratedKeys: string[] }
  | { ok: false; message: string; field?: string }

const tolerable = (s: PartSlot) => !s.required || s.acceptsTolerance
/** Returned, or required and never attached: what stands between the part and a pass. */
const deficient = (s: PartSlot, verdicts: VerdictMap) => verdicts.get(s.key)?.verdict === 'return' || (s.required && !s.attached)
const unmarked = (slots: readonly PartSlot[], verdicts: VerdictMap) => slots.filter((s) => s.attached && !verdicts.has(s.key))
const names = (slots: readonly PartSlot[]) => slots.map((s) => `“${s.name}”`).join('、')

export function checkDecision(
  decision: PrereviewDecision,
  slots: readonly PartSlot[],
  verdicts: VerdictMap,
  input: { comment: string; toleratedKeys?: readonly string[] },
): DecisionCheck {
  const comment = input.comment.trim()
  if (decision === 'refuse') {
    if (comment.length < 4) return { ok: false, message: '不予受理须写明法定理由（依据的法律法规条款）', field: 'comment' }
    return { ok: true, status: 'refused', toleratedKeys: [] }
  }
  const open = unmarked(slots, verdicts)
  if (open.length > 0) return { ok: false, message: `请先审核全部材料：${names(open)}尚未审核`, field: 'materials' }
  const lacking = slots.filter((s) => deficient(s, verdicts))
  if (decision === 'pass') {
    if (lacking.length > 0) return { ok: false, message: `${names(lacking)}未通过或未上传，不能预审通过`, field: 'materials' }
    return { ok: true, status: 'passed', toleratedKeys: [] }
  }
  if (decision === 'return') {
    const returned = slots.filter((s) => verdicts.get(s.key)?.verdict === 'return')
    if (returned.length === 0) return { ok: false, message: '退回补正须至少退回一项材料并写明原因', field: 'materials' }
    return { ok: true, status: 'returned', toleratedKeys: [] }
  }
  // tolerate
  const keys = new Set(input.toleratedKeys ?? [])
  if (keys.size === 0) return { ok: false, message: '容缺通过须列明容缺的材料', field: 'tolerance.materialKeys' }
  const listed = slots.filter((s) => keys.has(s.key))
  if (listed.length !== keys.size) return { ok: false, message: '容缺材料不属于本事项，请刷新后重试', field: 'tolerance.materialKeys' }
  const essential = listed.filter((s) => !tolerable(s))
  if (essential.length > 0) return { ok: false, message: `${names(essential)}为必要材料，不能容缺`, field: 'tolerance.materialKeys' }
  const notLacking = listed.filter((s) => !deficient(s, verdicts))
  if (notLacking.length > 0) return { ok: false, message: `${names(notLacking)}已审核通过，无需容缺`, field: 'tolerance.materialKeys' }
  const unlisted = lacking.filter((s) => !keys.has(s.key))
  if (unlisted.length > 0) return { ok: false, message: `${names(unlisted)}未通过，须列为容缺材料或退回补正`, field: 'tolerance.materialKeys' }
  return { ok: true, status: 'tolerated', toleratedKeys: listed.map((s) => s.key) }
}

/** The decisions a reviewer holding the claim may reply with now. */
export function allowedDecisions(status: PartStatus, holdsClaim: boolean, slots: readonly PartSlot[], verdicts: VerdictMap): PrereviewDecision[] {
  if (status !== 'pending' || !holdsClaim) return []
  const out: PrereviewDecision[] = []
  if (unmarked(slots, verdicts).length === 0) {
    const lacking = slots.filter((s) => deficient(s, verdicts))
    if (lacking.length === 0) out.push('pass')
    if (lacking.length > 0 && lacking.every(tolerable)) out.push('tolerate')
    if (slots.some((s) => verdicts.get(s.key)?.verdict === 'return')) out.push('return')
  }
  out.push('refuse')
  return out
}

/** The whole pre-review once its parts moved (never called for drafts or withdrawn ones). */
export function overallStatus(parts: readonly PartStatus[]): PrereviewStatus {
  if (parts.some((p) => p === 'pending' || p === 'waiting')) return 'submitted'
  if (parts.some((p) => p === 'refused')) return 'refused'
  if (parts.some((p) => p === 'returned')) return 'returned'
  return 'passed'
}

/**
 * On resubmission after 补正, which parts go back to review: those that
 * returned, and those that passed but need a material the citizen replaced
 * (their reviewer passed the old pages).
 */
export function partsToReview(
  parts: readonly { id: string; status: PartStatus; slotKeys: readonly string[] }[],
  replaced: ReadonlySet<string>,
): string[] {
  return parts
    .filter((p) => p.status === 'returned' || ((p.status === 'passed' || p.status === 'tolerated') && p.slotKeys.some((k) => replaced.has(k))))
    .map((p) => p.id)
}
