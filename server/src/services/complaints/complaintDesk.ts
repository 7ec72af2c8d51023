/**
 * Staff handling of complaints (投诉建议): window staff and leads see their
 * department's only (another's answers 404, like an unknown id); admins see
 * all, including those with no department, and assign them. Each action locks
 * the row, checks it is allowed now (409 with the reason otherwise), writes
 * the event and the audit entry, and for a reply the citizen's notification,
 * in one transaction; channels are dispatched after it.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_KINDS,
  type ComplaintAction,
  type ComplaintActionRequest,
  type StaffComplaintDetail,
  type StaffComplaintListQuery,
  type StaffComplaintPage,
  type StaffComplaintSummary,
} from '../../../../types/complaints'
import { maskName, maskPhone } from '../../../../types/validators'
import type { Db, Tx } from '../../db/client'
import { complaintEvents, complaints } from '../../db/schema'
import { badRequest, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import type { CalendarService } from '../calendar/calendarService'
import type { Clock } from '../cases/caseViews'
import type { FileUrlSigner } from '../files/fileUrlSigner'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import { PLATFORM_NAME, citizenLabel, departmentExists, findComplaint, photosOf, selectComplaints, toDetail, toRecord, toSummary, type ComplaintRecord } from './complaintRecords'

const NOT_FOUND = '未找到该投诉建议'
const MIN_REPLY = 10
const OPEN = ['submitted', 'processing'] as const
/** Enough for one department's complaints when a light filter forces computing every light. */
const LIGHT_SCAN_LIMIT = 2000

export class ComplaintDesk {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationService,
    private readonly signer: FileUrlSigner,
  ) {}

  private async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  /** Admin: everything; others: their department's; a staff member without a department: nothing. */
  private scope(s: StaffPrincipal): SQL | undefined {
    if (s.role === 'admin') return undefined
    return s.department ? eq(complaints.departmentId, s.department.id) : sql`false`
  }

  private summary(c: ComplaintRecord, clock: Clock): StaffComplaintSummary {
    return { ...toSummary(c, clock), citizenNameMasked: citizenLabel(c) }
  }

  async list(s: StaffPrincipal, q: StaffComplaintListQuery): Promise<StaffComplaintPage> {
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const filters: (SQL | undefined)[] = [this.scope(s)]
    if (q.status) filters.push(eq(complaints.status, q.status))
    if (q.open) filters.push(inArray(complaints.status, [...OPEN]))
    const where = and(...filters)
    // Open ones by due time first, then the rest newest first.
    const order = [
      asc(sql`CASE WHEN ${complaints.status} IN ('submitted', 'processing') THEN 0 ELSE 1 END`),
      asc(sql`CASE WHEN ${complaints.status} IN ('submitted', 'processing') THEN ${complaints.dueAt} END`),
      desc(complaints.createdAt),
      asc(complaints.id),
    ]
    const clock = await this.clock()
    if (q.light) {
      const rows = await selectComplaints(this.db).where(where).orderBy(...order).limit(LIGHT_SCAN_LIMIT)
      const matching = rows.map((r) => this.summary(toRecord(r), clock)).filter((x) => x.deadline?.light === q.light)
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: matching.length }
    }
    const rows = await selectComplaints(this.db).where(where).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(complaints).where(where)
    return { items: rows.map((r) => this.summary(toRecord(r), clock)), page, pageSize, total }
  }

  private async visible(s: StaffPrincipal, id: string): Promise<ComplaintRecord> {
    const record = await findComplaint(this.db, id, this.scope(s))
    if (!record) throw notFound(NOT_FOUND)
    return record
  }

  async get(s: StaffPrincipal, id: string): Promise<StaffComplaintDetail> {
    const record = await this.visible(s, id)
    // The read (and the photo URLs given with it) is recorded by the route: services/auditReads.ts.
    return this.detail(s, record, await this.clock())
  }

  private async detail(s: StaffPrincipal, c: ComplaintRecord, clock: Clock): Promise<StaffComplaintDetail> {
    return {
      ...toDetail(c, await photosOf(this.db, c.id), clock, this.signer),
      citizenNameMasked: citizenLabel(c),
      phoneMasked: c.citizenPhone ? maskPhone(c.citizenPhone) : null,
      handledBy: c.handlerName ? maskName(c.handlerName) : null,
      allowedActions: allowedActions(s, c),
    }
  }

  async act(s: StaffPrincipal, id: string, body: ComplaintActionRequest): Promise<StaffComplaintDetail> {
    switch (body.action) {
      case 'accept':
        return this.step(s, id, 'accept', async (tx, c, now) => {
          await tx.update(complaints).set({ status: 'processing', acceptedAt: now, handledBy: s.id, updatedAt: now }).where(eq(complaints.id, c.id))
        })
      case 'reply':
        return this.reply(s, id, body.text ?? '')
      case 'assign':
        return this.assign(s, id, body.departmentId)
    }
  }

  private async reply(s: StaffPrincipal, id: string, raw: string): Promise<StaffComplaintDetail> {
    const text = raw.trim()
    if (Array.from(text).length < MIN_REPLY) throw badRequest(`请填写给群众的答复（至少${MIN_REPLY}个字）`, 'text')
    return this.step(s, id, 'reply', async (tx, c, now, messages) => {
      const by = c.departmentName ?? PLATFORM_NAME
      const onTime = now.getTime() <= c.dueAt.getTime()
      await tx
        .update(complaints)
        .set({ status: 'replied', repliedAt: now, replyText: text, replyDepartmentName: by, repliedOnTime: onTime, handledBy: s.id, acceptedAt: c.acceptedAt ?? now, updatedAt: now })
        .where(eq(complaints.id, c.id))
      const kind = COMPLAINT_KINDS[c.kind]
      messages.push(
        await notify(tx, {
          citizenId: c.citizenId,
          caseId: null,
          title: `您的${kind}已答复`,
          body: `${by}对您的${kind}（${c.number}）答复如下：${text}。您可以对答复进行评价。`,
          kind: 'complaintReply',
          subject: { kind: 'complaint', id: c.id },
          facts: { matter: `${COMPLAINT_CATEGORIES[c.category]}${kind}`, status: '已答复', note: text, time: now },
        }),
      )
      return { onTime }
    })
  }

  private async assign(s: StaffPrincipal, id: string, departmentId: string | undefined): Promise<StaffComplaintDetail> {
    if (s.role !== 'admin') throw forbidden('只有系统管理员可以指派部门')
    if (!departmentId) throw badRequest('请选择要指派的部门', 'departmentId')
    if (!(await departmentExists(this.db, departmentId))) throw badRequest('所选部门不存在，请重新选择', 'departmentId')
    return this.step(s, id, 'assign', async (tx, c, now) => {
      // The new department accepts it afresh; the reply deadline stays.
      await tx.update(complaints).set({ departmentId, status: 'submitted', acceptedAt: null, handledBy: null, updatedAt: now }).where(eq(complaints.id, c.id))
      return { departmentId }
    })
  }

  /** Locks the row, checks the action is allowed now, runs it; dispatches its messages after commit. */
  private async step(
    s: StaffPrincipal,
    id: string,
    action: ComplaintAction,
    run: (tx: Tx, c: ComplaintRecord, now: Date, messages: (NotificationMessage & { id: string })[]) => Promise<Record<string, unknown> | void>,
  ): Promise<StaffComplaintDetail> {
    const clock = await this.clock()
    const messages: (NotificationMessage & { id: string })[] = []
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM complaints WHERE id = ${id} FOR UPDATE`)
      const c = await findComplaint(tx, id, this.scope(s))
      if (!c) throw notFound(NOT_FOUND)
      if (!allowedActions(s, c).includes(action)) throw conflict(refusal(action, c))
      const detail = await run(tx, c, clock.now, messages)
      await tx.insert(complaintEvents).values({
        complaintId: id,
        at: clock.now,
        event: action === 'accept' ? 'accepted' : action === 'reply' ? 'replied' : 'assigned',
        actorKind: 'staff',
        staffId: s.id,
        departmentId: action === 'assign' ? (detail?.departmentId as string) : c.departmentId,
      })
      await recordAudit(tx, { staffId: s.id, action: `complaint.${action}`, targetKind: 'complaint', targetId: id, detail: detail ?? undefined })
    })
    await this.notifications.dispatch(messages)
    return this.detail(s, (await findComplaint(this.db, id))!, clock)
  }
}

/** What the caller may do now (the caller already sees the complaint). */
export function allowedActions(s: StaffPrincipal, c: Pick<ComplaintRecord, 'status'>): ComplaintAction[] {
  const out: ComplaintAction[] = []
  if (c.status === 'submitted') out.push('accept')
  if (c.status === 'submitted' || c.status === 'processing') out.push('reply')
  if (s.role === 'admin' && (c.status === 'submitted' || c.status === 'processing')) out.push('assign')
  return out
}

function refusal(action: ComplaintAction, c: Pick<ComplaintRecord, 'status'>): string {
  if (c.status === 'replied' || c.status === 'rated') return action === 'reply' ? '该投诉建议已答复，不能重复答复' : '该投诉建议已答复办结'
  if (action === 'accept' && c.status === 'processing') return '该投诉建议已受理'
  return '当前状态不能进行此操作'
}
