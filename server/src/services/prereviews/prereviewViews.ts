/**
 * Record → contract: the citizen's detail and the reviewer's view of one
 * part. File URLs are signed here, only for callers already allowed to see
 * the pre-review. A reviewer's marks reach the citizen only with the reply.
 */
import type { CaseDeadline } from '../../../../types/cases'
import type { PrereviewDecision } from '../../../../types/enums'
import type {
  CaseReceipt,
  HistoryEntry,
  MaterialReview,
  PartView,
  PrereviewDetail,
  PrereviewFile,
  PrereviewSummary,
  StaffPartDetail,
  StaffPartSummary,
} from '../../../../types/prereviews'
import { maskName, maskPhone, maskResidentId } from '../../../../types/validators'
import type { PrereviewFileRow, PrereviewPartRow, PrereviewRow } from '../../db/schema'
import { deadlineLight, lightLabel } from '../../domain/calendar'
import { allowedDecisions, type PartSlot, type VerdictMap } from '../../domain/prereviews/review'
import { actorLabel, type Clock } from '../cases/caseViews'
import { currentFiles, returnedSlots, type PartRecord, type PrereviewRecord } from './prereviewRecords'

export interface UrlSigner {
  sign(fileId: string, now?: Date): { url: string; expiresAt: Date }
}

export interface ViewContext {
  clock: Clock
  signer: UrlSigner
  limits: { maxFileBytes: number; maxTotalBytes: number }
}

export function partDeadline(p: Pick<PrereviewPartRow, 'status' | 'dueAt' | 'deadlineUnpublished'>, clock: Clock): CaseDeadline | null {
  if (p.status !== 'pending' || !p.dueAt) return null
  const result = deadlineLight({ calendar: clock.calendar, hours: clock.hours, dueAt: p.dueAt, now: clock.now })
  const unpublished = p.deadlineUnpublished || result.unpublished
  return {
    dueAt: p.dueAt.toISOString(),
    light: result.light,
    remainingMinutes: result.remainingMinutes,
    label: lightLabel({ ...result, unpublished }, clock.hours),
    paused: false,
    calendarUnpublished: unpublished,
  }
}

const toFile = (f: PrereviewFileRow, ctx: ViewContext): PrereviewFile => {
  const { url, expiresAt } = ctx.signer.sign(f.id, ctx.clock.now)
  return {
    id: f.id,
    mimeType: f.mimeType,
    bytes: f.bytes,
    round: f.round,
    url,
    urlExpiresAt: expiresAt.toISOString(),
    uploadedAt: f.uploadedAt.toISOString(),
  }
}

/** The verdicts of a part the citizen may see: rounds it has replied to. */
const repliedRound = (p: PartRecord) => (p.status === 'pending' ? p.round - 1 : p.round)

function history(r: PrereviewRecord): HistoryEntry[] {
  return r.events.map((e) => ({
    at: e.at.toISOString(),
    round: e.round,
    kind: e.kind,
    actor: actorLabel(e),
    matterName: r.parts.find((p) => p.id === e.partId)?.matterName ?? null,
    materialName: r.info.slots.find((s) => s.key === e.slotKey)?.name ?? null,
    comment: e.comment,
  }))
}

function receipt(p: PartRecord): CaseReceipt | null {
  if (!p.caseId || !p.caseNumber || !p.queryPassword) return null
  return {
    caseId: p.caseId,
    caseNumber: p.caseNumber,
    queryPassword: p.queryPassword,
    receiptCode: `PYC1:${p.caseNumber}:${p.queryPassword}`,
    needsVisit: p.target.visitsRequired > 0,
    hall: p.target.hall,
  }
}

export function partView(p: PartRecord, clock: Clock): PartView {
  return {
    id: p.id,
    matterId: p.matterId,
    matterName: p.matterName,
    departmentName: p.departmentName,
    status: p.status,
    reply: p.reply,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    deadline: partDeadline(p, clock),
    tolerance: p.tolerance,
    receipt: receipt(p),
  }
}

export function toSummary(row: PrereviewRow, title: string): PrereviewSummary {
  return {
    id: row.id,
    number: row.number,
    title,
    status: row.status,
    round: row.round,
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  }
}

const delivery = (row: PrereviewRow) =>
  row.deliveryMode ? { mode: row.deliveryMode, ...(row.deliveryAddress ? { address: row.deliveryAddress } : {}) } : null

export function toCitizenDetail(
  r: PrereviewRecord,
  citizen: { realName: string | null; idNumber: string | null; phone: string | null },
  ctx: ViewContext,
): PrereviewDetail {
  const { row } = r
  const returned = returnedSlots(r)
  const nextRound = row.round + 1
  const materials = r.info.slots.map((slot) => {
    const current = currentFiles(r, slot.key)
    const fresh = current.filter((f) => f.round === nextRound)
    // During a correction, new pages supersede the returned ones once there are any.
    const shown = row.status === 'returned' && fresh.length > 0 ? fresh : current
    const earlier = r.files.filter((f) => f.slotKey === slot.key && !shown.includes(f))
    const reviews: MaterialReview[] = []
    for (const p of r.parts) {
      const seen = repliedRound(p)
      const v = [...r.verdicts].reverse().find((x) => x.partId === p.id && x.slotKey === slot.key && x.round <= seen)
      if (v) reviews.push({ partId: p.id, departmentName: p.departmentName, round: v.round, verdict: v.verdict, reason: v.reason })
    }
    return {
      slot,
      files: shown.map((f) => toFile(f, ctx)),
      earlierFiles: earlier.map((f) => toFile(f, ctx)),
      reviews,
      editable: row.status === 'draft' || returned.has(slot.key),
    }
  })
  const name = row.applicantName ?? citizen.realName
  const idNumber = row.applicantIdNumber ?? citizen.idNumber
  const phone = row.applicantPhone ?? citizen.phone
  return {
    ...toSummary(row, r.info.title),
    target: r.info.target,
    form: r.info.fields,
    fields: row.fields,
    delivery: delivery(row),
    applicant: {
      nameMasked: name ? maskName(name) : '未实名',
      idNumberMasked: idNumber ? maskResidentId(idNumber) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    },
    materials,
    parts: r.parts.map((p) => partView(p, ctx.clock)),
    history: history(r),
    limits: { ...ctx.limits, usedBytes: r.files.filter((f) => !f.replacedAt).reduce((n, f) => n + f.bytes, 0) },
    canSubmit: row.status === 'draft' || row.status === 'returned',
    canWithdraw: row.status === 'submitted' || row.status === 'returned',
  }
}

export function holdsClaim(p: Pick<PrereviewPartRow, 'claimedBy' | 'claimExpiresAt'>, staffId: string, now: Date): boolean {
  return p.claimedBy === staffId && !!p.claimExpiresAt && p.claimExpiresAt > now
}

export function claimOf(p: PartRecord | (PrereviewPartRow & { claimerName: string | null }), staffId: string, now: Date) {
  if (!p.claimedBy || !p.claimExpiresAt || p.claimExpiresAt <= now) return null
  return { staffName: maskName(p.claimerName ?? '工作人员'), mine: p.claimedBy === staffId, expiresAt: p.claimExpiresAt.toISOString() }
}

/** Submitted pages of a part's materials (pages the citizen is still preparing are not shown). */
const submittedFiles = (r: PrereviewRecord, slotKey: string) => currentFiles(r, slotKey).filter((f) => f.round <= r.row.round)

/** The slots of one part and its verdicts in the round under review: the input of the review rules. */
export function reviewState(r: PrereviewRecord, p: PartRecord): { slots: PartSlot[]; verdicts: VerdictMap } {
  const slots = r.info.slots
    .filter((s) => p.target.slotKeys.includes(s.key))
    .map((s) => ({ key: s.key, name: s.name, required: s.required, acceptsTolerance: s.acceptsTolerance, attached: submittedFiles(r, s.key).length > 0 }))
  const verdicts = new Map(
    r.verdicts.filter((v) => v.partId === p.id && v.round === p.round).map((v) => [v.slotKey, { verdict: v.verdict, reason: v.reason }] as const),
  )
  return { slots, verdicts }
}

export function toStaffSummary(
  row: Pick<PrereviewRow, 'id' | 'number' | 'submittedAt' | 'applicantName' | 'bundleId'>,
  p: PrereviewPartRow & { matterName: string; claimerName: string | null },
  bundleName: string | null,
  staffId: string,
  clock: Clock,
): StaffPartSummary {
  return {
    partId: p.id,
    prereviewId: row.id,
    number: row.number ?? '',
    matterName: p.matterName,
    bundleName,
    applicantNameMasked: maskName(row.applicantName ?? ''),
    status: p.status,
    round: p.round,
    submittedAt: (p.pendingSince ?? row.submittedAt ?? new Date(0)).toISOString(),
    deadline: partDeadline(p, clock),
    claim: claimOf(p, staffId, clock.now),
  }
}

export function toStaffDetail(r: PrereviewRecord, p: PartRecord, staffId: string, ctx: ViewContext): StaffPartDetail {
  const { row } = r
  const { slots, verdicts } = reviewState(r, p)
  const decisions: PrereviewDecision[] = allowedDecisions(p.status, holdsClaim(p, staffId, ctx.clock.now), slots, verdicts)
  return {
    ...toStaffSummary(row, p, row.bundleId ? r.info.title : null, staffId, ctx.clock),
    applicant: {
      name: row.applicantName ?? '',
      idNumberMasked: row.applicantIdNumber ? maskResidentId(row.applicantIdNumber) : null,
      phoneMasked: row.applicantPhone ? maskPhone(row.applicantPhone) : null,
    },
    form: r.info.fields,
    fields: row.fields,
    delivery: delivery(row),
    materials: slots.map((s) => {
      const slot = r.info.slots.find((x) => x.key === s.key)!
      const files = submittedFiles(r, s.key)
      return {
        slot,
        files: files.map((f) => toFile(f, ctx)),
        verdict: verdicts.get(s.key) ?? null,
        changedThisRound: p.round > 1 && files.some((f) => f.round === p.round),
        earlierReviews: r.verdicts
          .filter((v) => v.slotKey === s.key && v.round < p.round)
          .map((v) => ({
            partId: v.partId,
            departmentName: r.parts.find((x) => x.id === v.partId)?.departmentName ?? '',
            round: v.round,
            verdict: v.verdict,
            reason: v.reason,
          })),
      }
    }),
    part: partView(p, ctx.clock),
    otherParts: r.parts.filter((x) => x.id !== p.id).map((x) => ({ matterName: x.matterName, departmentName: x.departmentName, status: x.status })),
    history: history(r),
    allowedDecisions: decisions,
  }
}
