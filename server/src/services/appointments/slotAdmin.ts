/**
 * Slot templates and hall closures (admins; department leads for their own
 * department's templates).
 *
 * The choice on capacity: lowering a template's capacity never cancels a
 * booking. Upcoming slots take the new capacity at once; a slot already
 * holding more bookings keeps all of them and simply takes no more (its
 * `booked` may exceed `capacity`), and the citizens booked beyond the new
 * capacity (the latest bookings) are told in the message centre that their
 * booking stands and that they may reschedule. Deactivating a template stops
 * new bookings the same way. A closure is different: the hall is shut, so
 * bookings on those days are cancelled — never silently: each citizen gets a
 * message with the reason, and the answer says how many were cancelled.
 */
import { and, asc, desc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type {
  HallClosure,
  HallClosureCreate,
  HallClosureList,
  HallClosureQuery,
  HallClosureResult,
  SlotTemplate,
  SlotTemplateChange,
  SlotTemplateCreate,
  SlotTemplateCreated,
  SlotTemplateList,
  SlotTemplateQuery,
  SlotTemplateUpdate,
} from '../../../../types/appointments'
import type { Db, DbOrTx, Tx } from '../../db/client'
import {
  appointmentSlots,
  appointmentSlotTemplates,
  appointments,
  hallClosures,
  halls,
  matters,
  type AppointmentSlotTemplateRow,
  type HallClosureRow,
} from '../../db/schema'
import { dateLabel } from '../../domain/appointments'
import { shanghaiDate } from '../../domain/calendar'
import { daysBetween, isCalendarDate } from '../../domain/calendar/dates'
import { parseHHmm } from '../../domain/calendar/shanghaiTime'
import { badRequest, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import type { AppointmentSettings } from './settings'
import { shanghaiClock } from './views'

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']
const MAX_CLOSURE_DAYS = 366

type Messages = (NotificationMessage & { id: string })[]
type TemplateRecord = AppointmentSlotTemplateRow & { hallName: string; matterName: string; departmentId: string }

const endTimeOf = (startTime: string, lengthMinutes: number) => {
  const end = parseHHmm(startTime) + lengthMinutes
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`
}

function toTemplate(t: TemplateRecord): SlotTemplate {
  return {
    id: t.id,
    hall: { id: t.hallId, name: t.hallName },
    matter: { id: t.matterId, name: t.matterName },
    weekday: t.weekday,
    startTime: t.startTime,
    endTime: endTimeOf(t.startTime, t.lengthMinutes),
    lengthMinutes: t.lengthMinutes,
    capacity: t.capacity,
    active: t.active,
    createdAt: t.createdAt.toISOString(),
  }
}

function toClosure(c: HallClosureRow & { hallName: string }): HallClosure {
  return { id: c.id, hall: { id: c.hallId, name: c.hallName }, from: c.fromDate, to: c.toDate, reason: c.reason, createdAt: c.createdAt.toISOString() }
}

function realDate(date: string, field: string): string {
  if (!isCalendarDate(date)) throw badRequest('日期不存在，请检查年月日', field)
  return date
}

/** Reopens a hall's slots in a date range whose template is active and that no closure covers. */
async function reopenSlots(tx: DbOrTx, where: SQL): Promise<void> {
  await tx.execute(sql`
    UPDATE ${appointmentSlots} AS s SET open = true
    FROM ${appointmentSlotTemplates} AS t
    WHERE s.template_id = t.id AND t.active AND ${where}
      AND NOT EXISTS (SELECT 1 FROM ${hallClosures} AS c WHERE c.hall_id = s.hall_id AND s.date BETWEEN c.from_date AND c.to_date)`)
}

export class SlotAdmin {
  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly settings: AppointmentSettings,
  ) {}

  private selectTemplates(db: DbOrTx = this.db) {
    return db
      .select({ t: appointmentSlotTemplates, hallName: halls.name, matterName: matters.name, departmentId: matters.departmentId })
      .from(appointmentSlotTemplates)
      .innerJoin(halls, eq(halls.id, appointmentSlotTemplates.hallId))
      .innerJoin(matters, eq(matters.id, appointmentSlotTemplates.matterId))
  }

  private static record(r: { t: AppointmentSlotTemplateRow; hallName: string; matterName: string; departmentId: string }): TemplateRecord {
    return { ...r.t, hallName: r.hallName, matterName: r.matterName, departmentId: r.departmentId }
  }

  private scope(s: StaffPrincipal): SQL | undefined {
    if (s.role === 'admin') return undefined
    return s.department ? eq(matters.departmentId, s.department.id) : sql`false`
  }

  private mayManage(s: StaffPrincipal, departmentId: string): void {
    if (s.role === 'admin') return
    if (s.role !== 'lead' || s.department?.id !== departmentId) throw forbidden('只能管理本部门事项的预约时段')
  }

  // ---- templates ----

  async listTemplates(s: StaffPrincipal, q: SlotTemplateQuery): Promise<SlotTemplateList> {
    const rows = await this.selectTemplates()
      .where(
        and(
          this.scope(s),
          q.matterId ? eq(appointmentSlotTemplates.matterId, q.matterId) : undefined,
          q.hallId ? eq(appointmentSlotTemplates.hallId, q.hallId) : undefined,
        ),
      )
      .orderBy(asc(matters.name), asc(appointmentSlotTemplates.weekday), asc(appointmentSlotTemplates.startTime))
    return { items: rows.map((r) => toTemplate(SlotAdmin.record(r))) }
  }

  private async findTemplate(s: StaffPrincipal, id: string, tx: DbOrTx = this.db, lock = false): Promise<TemplateRecord> {
    const query = this.selectTemplates(tx).where(eq(appointmentSlotTemplates.id, id))
    const [row] = lock ? await query.for('update', { of: appointmentSlotTemplates }) : await query
    if (!row) throw notFound('未找到该预约时段')
    const t = SlotAdmin.record(row)
    this.mayManage(s, t.departmentId)
    return t
  }

  async createTemplates(s: StaffPrincipal, body: SlotTemplateCreate): Promise<SlotTemplateCreated> {
    const [matter] = await this.db
      .select({ id: matters.id, hallId: matters.hallId, departmentId: matters.departmentId, flags: matters.flags })
      .from(matters)
      .where(eq(matters.id, body.matterId))
    if (!matter) throw badRequest('未找到该事项，请重新选择', 'matterId')
    this.mayManage(s, matter.departmentId)
    if (!matter.flags.appointment) throw conflict('该事项的办事指南未开通“支持预约”，请先在指南中开通', 'matterId')
    const length = body.lengthMinutes ?? this.settings.slotMinutes
    const start = parseHHmm(body.startTime)
    if (start + length > 24 * 60) throw badRequest('时段不能跨过午夜，请调整开始时间或时长', 'lengthMinutes')
    const ids = await this.db.transaction(async (tx) => {
      // Serialise template edits of one matter, so two admins cannot create overlapping slots.
      await tx.select({ id: matters.id }).from(matters).where(eq(matters.id, matter.id)).for('update')
      const existing = await tx
        .select()
        .from(appointmentSlotTemplates)
        .where(
          and(
            eq(appointmentSlotTemplates.matterId, matter.id),
            eq(appointmentSlotTemplates.active, true),
            inArray(appointmentSlotTemplates.weekday, body.weekdays),
          ),
        )
      for (const t of existing) {
        const from = parseHHmm(t.startTime)
        if (from < start + length && start < from + t.lengthMinutes) {
          throw conflict(`与已有时段（${WEEKDAY_NAMES[t.weekday - 1]} ${t.startTime}–${endTimeOf(t.startTime, t.lengthMinutes)}）重叠，请调整时间`, 'startTime')
        }
      }
      const rows = await tx
        .insert(appointmentSlotTemplates)
        .values(
          body.weekdays.map((weekday) => ({
            hallId: matter.hallId,
            matterId: matter.id,
            weekday,
            startTime: body.startTime,
            lengthMinutes: length,
            capacity: body.capacity,
            createdBy: s.id,
          })),
        )
        .returning({ id: appointmentSlotTemplates.id })
      for (const r of rows) {
        await recordAudit(tx, { staffId: s.id, action: 'appointment.template.create', targetKind: 'appointmentSlotTemplate', targetId: r.id, detail: { matterId: matter.id } })
      }
      return rows.map((r) => r.id)
    })
    const rows = await this.selectTemplates().where(inArray(appointmentSlotTemplates.id, ids)).orderBy(asc(appointmentSlotTemplates.weekday))
    return { items: rows.map((r) => toTemplate(SlotAdmin.record(r))) }
  }

  async updateTemplate(s: StaffPrincipal, id: string, body: SlotTemplateUpdate, now = new Date()): Promise<SlotTemplateChange> {
    await this.findTemplate(s, id)
    const messages: Messages = []
    const result = await this.db.transaction(async (tx) => {
      const t = await this.findTemplate(s, id, tx, true)
      const upcoming = and(eq(appointmentSlots.templateId, id), gt(appointmentSlots.startsAt, now))!
      let affectedSlots = 0
      let overbookedSlots = 0
      if (body.capacity !== undefined && body.capacity !== t.capacity) {
        await tx.update(appointmentSlotTemplates).set({ capacity: body.capacity, updatedAt: now }).where(eq(appointmentSlotTemplates.id, id))
        const changed = await tx
          .update(appointmentSlots)
          .set({ capacity: body.capacity })
          .where(upcoming)
          .returning({ id: appointmentSlots.id, booked: appointmentSlots.booked, capacity: appointmentSlots.capacity })
        affectedSlots = changed.length
        for (const slot of changed.filter((c) => c.booked > c.capacity)) {
          overbookedSlots++
          // The latest bookings are the ones beyond the new capacity; they stay, and are told.
          const beyond = await tx
            .select({ id: appointments.id, citizenId: appointments.citizenId, date: appointments.date, startsAt: appointments.startsAt })
            .from(appointments)
            .where(and(eq(appointments.slotId, slot.id), eq(appointments.status, 'booked')))
            .orderBy(desc(appointments.createdAt), desc(appointments.id))
            .limit(slot.booked - slot.capacity)
          for (const b of beyond) {
            messages.push(
              await notify(tx, {
                citizenId: b.citizenId,
                caseId: null,
                subject: { kind: 'appointment', id: b.id },
                title: '预约时段接待量调整',
                body: `${t.hallName}调整了“${t.matterName}”${dateLabel(b.date)} ${shanghaiClock(b.startsAt)}时段的接待量。您的预约继续有效，请按时前往，届时可能需要稍候；如希望换个时间，可在“我的预约”中改约。`,
              }),
            )
          }
        }
      }
      if (body.active !== undefined && body.active !== t.active) {
        await tx.update(appointmentSlotTemplates).set({ active: body.active, updatedAt: now }).where(eq(appointmentSlotTemplates.id, id))
        if (body.active) {
          await reopenSlots(tx, sql`s.template_id = ${id} AND s.starts_at > ${now.toISOString()}`)
        } else {
          // Bookings already made stay valid; only new bookings stop.
          const closed = await tx.update(appointmentSlots).set({ open: false }).where(upcoming).returning({ id: appointmentSlots.id })
          affectedSlots = Math.max(affectedSlots, closed.length)
        }
      }
      await recordAudit(tx, {
        staffId: s.id,
        action: 'appointment.template.update',
        targetKind: 'appointmentSlotTemplate',
        targetId: id,
        detail: { capacity: body.capacity ?? null, active: body.active ?? null, overbookedSlots },
      })
      return { affectedSlots, overbookedSlots }
    })
    await this.notifications.dispatch(messages)
    return { template: toTemplate(await this.findTemplate(s, id)), ...result, notifiedCitizens: new Set(messages.map((m) => m.citizenId)).size }
  }

  /** Deletes a template never booked; one with booking history can only be deactivated. */
  async deleteTemplate(s: StaffPrincipal, id: string): Promise<void> {
    await this.findTemplate(s, id)
    await this.db.transaction(async (tx) => {
      await this.findTemplate(s, id, tx, true)
      const [used] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
        .where(eq(appointmentSlots.templateId, id))
        .limit(1)
      if (used) throw conflict('该时段已有预约记录，不能删除；如不再开放，请改为停用')
      await tx.delete(appointmentSlotTemplates).where(eq(appointmentSlotTemplates.id, id))
      await recordAudit(tx, { staffId: s.id, action: 'appointment.template.delete', targetKind: 'appointmentSlotTemplate', targetId: id })
    })
  }

  // ---- closures ----

  async listClosures(q: HallClosureQuery, now = new Date()): Promise<HallClosureList> {
    const rows = await this.db
      .select({ c: hallClosures, hallName: halls.name })
      .from(hallClosures)
      .innerJoin(halls, eq(halls.id, hallClosures.hallId))
      .where(and(q.hallId ? eq(hallClosures.hallId, q.hallId) : undefined, q.includePast ? undefined : gte(hallClosures.toDate, shanghaiDate(now))))
      .orderBy(asc(hallClosures.fromDate), asc(hallClosures.createdAt))
    return { items: rows.map((r) => toClosure({ ...r.c, hallName: r.hallName })) }
  }

  async createClosure(s: StaffPrincipal, body: HallClosureCreate, now = new Date()): Promise<HallClosureResult> {
    const from = realDate(body.from, 'from')
    const to = realDate(body.to, 'to')
    if (to < from) throw badRequest('结束日期不能早于开始日期', 'to')
    if (from < shanghaiDate(now)) throw badRequest('不能为已经过去的日期设置闭厅', 'from')
    if (daysBetween(from, to) >= MAX_CLOSURE_DAYS) throw badRequest(`一次闭厅最长${MAX_CLOSURE_DAYS}天`, 'to')
    const [hall] = await this.db.select({ id: halls.id, name: halls.name }).from(halls).where(eq(halls.id, body.hallId))
    if (!hall) throw badRequest('未找到该大厅，请重新选择', 'hallId')
    const reason = body.reason.trim()
    const inRange = (date: typeof appointments.date | typeof appointmentSlots.date) => and(gte(date, from), lte(date, to))
    const messages: Messages = []
    const { closure, cancelled } = await this.db.transaction(async (tx) => {
      const [closure] = await tx.insert(hallClosures).values({ hallId: hall.id, fromDate: from, toDate: to, reason, createdBy: s.id }).returning()
      // Closing the slots first takes their row locks: a booking racing this waits, then finds the slot closed.
      await tx
        .update(appointmentSlots)
        .set({ open: false })
        .where(and(eq(appointmentSlots.hallId, hall.id), inRange(appointmentSlots.date)))
      const cancelled = await tx
        .update(appointments)
        .set({ status: 'cancelled', cancelledAt: now, cancelKind: 'closure', cancelReason: reason, updatedAt: now })
        .where(and(eq(appointments.hallId, hall.id), inRange(appointments.date), eq(appointments.status, 'booked')))
        .returning({ id: appointments.id, citizenId: appointments.citizenId, caseId: appointments.caseId, date: appointments.date, startsAt: appointments.startsAt, matterId: appointments.matterId })
      await tx.execute(sql`
        UPDATE ${appointmentSlots} AS s
        SET booked = (SELECT count(*) FROM ${appointments} AS a WHERE a.slot_id = s.id AND a.status <> 'cancelled')
        WHERE s.hall_id = ${hall.id} AND s.date BETWEEN ${from} AND ${to}`)
      const names = new Map(
        cancelled.length === 0
          ? []
          : (await tx.select({ id: matters.id, name: matters.name }).from(matters).where(inArray(matters.id, [...new Set(cancelled.map((c) => c.matterId))]))).map(
              (m) => [m.id, m.name] as const,
            ),
      )
      for (const a of cancelled) {
        messages.push(
          await notify(tx, {
            citizenId: a.citizenId,
            caseId: null,
            // Sent beyond the app (subscribe message or SMS): nobody should come to a closed hall.
            kind: 'appointmentReminder',
            subject: { kind: 'appointment', id: a.id },
            facts: { matter: names.get(a.matterId), time: a.startsAt, place: hall.name, note: `闭厅，预约已取消：${reason}` },
            title: '预约已取消：大厅闭厅',
            body: `因${reason}，${hall.name}${dateLabel(a.date)}闭厅，您${shanghaiClock(a.startsAt)}办理“${names.get(a.matterId)}”的预约已取消，不计爽约。请重新预约其他日期，给您带来不便，敬请谅解。`,
          }),
        )
      }
      await recordAudit(tx, {
        staffId: s.id,
        action: 'appointment.closure.create',
        targetKind: 'hallClosure',
        targetId: closure.id,
        detail: { hallId: hall.id, from, to, cancelled: cancelled.length },
      })
      return { closure, cancelled: cancelled.length }
    })
    await this.notifications.dispatch(messages)
    return { closure: toClosure({ ...closure, hallName: hall.name }), cancelledAppointments: cancelled }
  }

  /** Lifts a closure: its days take bookings again (cancelled bookings stay cancelled; citizens were told). */
  async deleteClosure(s: StaffPrincipal, id: string): Promise<void> {
    await this.db.transaction(async (tx: Tx) => {
      const [closure] = await tx.delete(hallClosures).where(eq(hallClosures.id, id)).returning()
      if (!closure) throw notFound('未找到该闭厅安排')
      await reopenSlots(tx, sql`s.hall_id = ${closure.hallId} AND s.date BETWEEN ${closure.fromDate} AND ${closure.toDate}`)
      await recordAudit(tx, { staffId: s.id, action: 'appointment.closure.delete', targetKind: 'hallClosure', targetId: id })
    })
  }
}
