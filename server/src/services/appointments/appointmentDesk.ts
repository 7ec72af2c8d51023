/**
 * The hall desk: staff's day view, check-in with a queue number (取号), calling
 * the next number at a window, served and no-show. Window staff and leads see
 * and act on bookings of their department's matters only; admins on all.
 * Every action locks the booking row, re-checks the rule, and writes the
 * change, the citizen's message and the audit entry in one transaction.
 */
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm'
import type { CallNextRequest, CallNextResult, StaffAppointment, StaffDayQuery, StaffDayView } from '../../../../types/appointments'
import type { AppointmentStaffAction } from '../../../../types/enums'
import type { Db, Tx } from '../../db/client'
import { appointmentQueueCounters, appointments, hallWindows, halls, matters } from '../../db/schema'
import { checkStaffAction, dateLabel, noShowWarning, parseCheckInCode, queueNumber } from '../../domain/appointments'
import { shanghaiDate } from '../../domain/calendar'
import { badRequest, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import type { AppointmentSettings } from './settings'
import { banOf, selectStaffAppointments, shanghaiClock, toStaffAppointment, toStaffRecord, type StaffAppointmentRecord } from './views'

const NOT_FOUND = '未找到该预约'
const OTHER_DEPARTMENT = '该预约不是本部门的事项，请引导群众到对应窗口'

type Messages = (NotificationMessage & { id: string })[]

/** Served at a window: the matter lists the window number. */
const servedByWindow = (windowNumber: string): SQL => sql`${matters.windowNumbers} @> ${JSON.stringify([windowNumber])}::jsonb`

export class AppointmentDesk {
  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly settings: AppointmentSettings,
  ) {}

  private scope(s: StaffPrincipal): SQL | undefined {
    if (s.role === 'admin') return undefined
    // A non-admin without a department sees nothing (the schema forbids it anyway).
    return s.department ? eq(appointments.departmentId, s.department.id) : sql`false`
  }

  private canSee(s: StaffPrincipal, r: { departmentId: string }): boolean {
    return s.role === 'admin' || s.department?.id === r.departmentId
  }

  private view(r: StaffAppointmentRecord, now: Date): StaffAppointment {
    return toStaffAppointment(r, now, shanghaiDate(now), this.settings.lateMinutes)
  }

  async dayView(s: StaffPrincipal, q: StaffDayQuery, now = new Date()): Promise<StaffDayView> {
    const date = q.date ?? shanghaiDate(now)
    const base = and(
      this.scope(s),
      eq(appointments.date, date),
      q.hallId ? eq(appointments.hallId, q.hallId) : undefined,
      q.windowNumber ? servedByWindow(q.windowNumber) : undefined,
    )
    const rows = await selectStaffAppointments(this.db)
      .where(and(base, q.status ? eq(appointments.status, q.status) : undefined))
      .orderBy(asc(appointments.startsAt), sql`${appointments.queueSeq} ASC NULLS LAST`, asc(appointments.createdAt))
    const tally = await this.db
      .select({ status: appointments.status, n: count() })
      .from(appointments)
      .innerJoin(matters, eq(matters.id, appointments.matterId))
      .where(base)
      .groupBy(appointments.status)
    const counts = { booked: 0, checkedIn: 0, served: 0, noShow: 0, cancelled: 0 }
    for (const t of tally) counts[t.status] = t.n
    const [{ waiting }] = await this.db
      .select({ waiting: count() })
      .from(appointments)
      .innerJoin(matters, eq(matters.id, appointments.matterId))
      .where(and(base, eq(appointments.status, 'checkedIn'), isNull(appointments.calledAt)))
    return { date, counts, waiting, items: rows.map((r) => this.view(toStaffRecord(r), now)) }
  }

  private async find(id: string, tx: Db | Tx = this.db, lock = false): Promise<StaffAppointmentRecord> {
    const query = selectStaffAppointments(tx).where(eq(appointments.id, id))
    const [row] = lock ? await query.for('update', { of: appointments }) : await query
    if (!row) throw notFound(NOT_FOUND)
    return toStaffRecord(row)
  }

  async get(s: StaffPrincipal, id: string, now = new Date()): Promise<StaffAppointment> {
    const r = await this.find(id)
    if (!this.canSee(s, r)) throw forbidden(OTHER_DEPARTMENT)
    return this.view(r, now)
  }

  /** Check-in with what was scanned (the QR payload) or typed (the 8-character code). */
  async checkInByCode(s: StaffPrincipal, input: string, now = new Date()): Promise<StaffAppointment> {
    const code = parseCheckInCode(input)
    if (!code) throw badRequest('签到码格式不对：请重新扫码，或核对8位签到码（不含0、1、I、L、O）', 'code')
    const [row] = await this.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.checkInCode, code))
    if (!row) throw notFound('未找到该签到码对应的预约，请核对后重试')
    return this.checkIn(s, row.id, now)
  }

  /** One staff action on one booking, re-checked under the row lock. */
  private async act(
    s: StaffPrincipal,
    id: string,
    action: AppointmentStaffAction,
    now: Date,
    apply: (tx: Tx, r: StaffAppointmentRecord, messages: Messages) => Promise<Record<string, unknown>>,
  ): Promise<StaffAppointment> {
    const today = shanghaiDate(now)
    const messages: Messages = []
    await this.db.transaction(async (tx) => {
      const r = await this.find(id, tx, true)
      if (!this.canSee(s, r)) throw forbidden(OTHER_DEPARTMENT)
      const check = checkStaffAction(action, r, now, today, this.settings.lateMinutes)
      if (!check.ok) throw conflict(check.message)
      const detail = await apply(tx, r, messages)
      await recordAudit(tx, { staffId: s.id, action: `appointment.${action}`, targetKind: 'appointment', targetId: id, detail })
    })
    await this.notifications.dispatch(messages)
    return this.view(await this.find(id), now)
  }

  async checkIn(s: StaffPrincipal, id: string, now = new Date()): Promise<StaffAppointment> {
    return this.act(s, id, 'checkIn', now, async (tx, r, messages) => {
      const [{ last }] = await tx
        .insert(appointmentQueueCounters)
        .values({ hallId: r.hallId, day: r.date, last: 1 })
        .onConflictDoUpdate({
          target: [appointmentQueueCounters.hallId, appointmentQueueCounters.day],
          set: { last: sql`${appointmentQueueCounters.last} + 1` },
        })
        .returning({ last: appointmentQueueCounters.last })
      const number = queueNumber(last)
      await tx
        .update(appointments)
        .set({ status: 'checkedIn', checkedInAt: now, queueSeq: last, queueNumber: number, updatedAt: now })
        .where(eq(appointments.id, r.id))
      messages.push(
        await notify(tx, {
          citizenId: r.citizenId,
          caseId: null,
          subject: { kind: 'appointment', id: r.id },
          title: `签到成功，排队号${number}`,
          body: `您办理“${r.matterName}”已签到，排队号${number}，请到${r.windowNumbers.join('、')}号窗口附近等候叫号。`,
        }),
      )
      return { queueNumber: number }
    })
  }

  async serve(s: StaffPrincipal, id: string, now = new Date()): Promise<StaffAppointment> {
    return this.act(s, id, 'serve', now, async (tx, r) => {
      await tx.update(appointments).set({ status: 'served', servedAt: now, updatedAt: now }).where(eq(appointments.id, r.id))
      return {}
    })
  }

  /** Records a no-show and tells the citizen, with the ban it causes if it reaches the limit. */
  async noShow(s: StaffPrincipal, id: string, now = new Date()): Promise<StaffAppointment> {
    return this.act(s, id, 'noShow', now, async (tx, r, messages) => {
      await tx.update(appointments).set({ status: 'noShow', noShowAt: now, updatedAt: now }).where(eq(appointments.id, r.id))
      const ban = await banOf(tx, r.citizenId, shanghaiDate(now), this.settings.noShow)
      messages.push(
        await notify(tx, {
          citizenId: r.citizenId,
          caseId: null,
          subject: { kind: 'appointment', id: r.id },
          title: '预约未到已记录',
          body: `您${dateLabel(r.date)} ${shanghaiClock(r.startsAt)}办理“${r.matterName}”的预约未按时签到，已记为未到一次。${ban ? ban.message : noShowWarning(this.settings.noShow)}`,
        }),
      )
      return { banUntil: ban?.until ?? null }
    })
  }

  /**
   * The next checked-in number of today that this window serves, oldest
   * check-in first. SKIP LOCKED: two windows calling at once get two people.
   */
  async callNext(s: StaffPrincipal, body: CallNextRequest, now = new Date()): Promise<CallNextResult> {
    const [window] = await this.db
      .select({ departmentId: hallWindows.departmentId })
      .from(hallWindows)
      .innerJoin(halls, eq(halls.id, hallWindows.hallId))
      .where(and(eq(hallWindows.hallId, body.hallId), eq(hallWindows.number, body.windowNumber)))
    if (!window) throw badRequest(`该大厅没有${body.windowNumber}号窗口，请核对窗口号`, 'windowNumber')
    if (s.role !== 'admin' && window.departmentId !== null && window.departmentId !== s.department?.id) {
      throw forbidden('不能在其他部门的窗口叫号')
    }
    const today = shanghaiDate(now)
    const waitingHere = and(
      this.scope(s),
      eq(appointments.hallId, body.hallId),
      eq(appointments.date, today),
      eq(appointments.status, 'checkedIn'),
      isNull(appointments.calledAt),
      servedByWindow(body.windowNumber),
    )
    const messages: Messages = []
    const calledId = await this.db.transaction(async (tx) => {
      const [next] = await tx
        .select({ id: appointments.id, citizenId: appointments.citizenId, caseId: appointments.caseId, queueNumber: appointments.queueNumber })
        .from(appointments)
        .innerJoin(matters, eq(matters.id, appointments.matterId))
        .where(waitingHere)
        .orderBy(asc(appointments.queueSeq))
        .limit(1)
        .for('update', { of: appointments, skipLocked: true })
      if (!next) return null
      await tx.update(appointments).set({ calledAt: now, calledWindow: body.windowNumber, updatedAt: now }).where(eq(appointments.id, next.id))
      messages.push(
        await notify(tx, {
          citizenId: next.citizenId,
          caseId: null,
          subject: { kind: 'appointment', id: next.id },
          title: `请到${body.windowNumber}号窗口办理`,
          body: `排队号${next.queueNumber}，请到${body.windowNumber}号窗口办理。`,
        }),
      )
      await recordAudit(tx, { staffId: s.id, action: 'appointment.call', targetKind: 'appointment', targetId: next.id, detail: { window: body.windowNumber } })
      return next.id
    })
    await this.notifications.dispatch(messages)
    const [{ waiting }] = await this.db
      .select({ waiting: count() })
      .from(appointments)
      .innerJoin(matters, eq(matters.id, appointments.matterId))
      .where(waitingHere)
    return { appointment: calledId ? this.view(await this.find(calledId), now) : null, waiting }
  }
}
