/**
 * Appointments for citizens: availability, book, list, cancel, reschedule.
 *
 * Never overbook: a slot is taken only by
 *   UPDATE appointment_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity AND open
 * inside the booking's transaction (the row lock serialises concurrent
 * bookings of one slot on PostgreSQL; PGlite runs one transaction at a time).
 * One booking per person per matter per day: the partial unique index
 * appointments_one_per_day; a lost race rolls the slot increment back and
 * answers 409. Rules (window, cut-off, ban) come from domain/appointments.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm'
import type {
  Appointment,
  AppointmentListQuery,
  AppointmentPage,
  Availability,
  AvailabilityDay,
  BookAppointmentRequest,
} from '../../../../types/appointments'
import type { Db, DbOrTx, Tx } from '../../db/client'
import {
  appointmentSlots,
  appointments,
  cases,
  departments,
  halls,
  matters,
  prereviewParts,
  prereviews,
  type AppointmentSlotRow,
  type CitizenRow,
} from '../../db/schema'
import {
  bookingWindow,
  checkCancellable,
  dateLabel,
  inWindow,
  newCheckInCode,
  onePerDayMessage,
  type BookingWindow,
} from '../../domain/appointments'
import { shanghaiDate } from '../../domain/calendar'
import { badRequest, conflict, forbidden, notFound } from '../../errors'
import type { CalendarService } from '../calendar/calendarService'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import type { AppointmentSettings } from './settings'
import { closedDates, materialiseSlots, openSlots, pgError, remainingOf } from './slots'
import { banOf, selectAppointments, shanghaiClock, toAppointment, toRecord } from './views'

const NOT_FOUND = '未找到该预约'
const SLOT_NOT_FOUND = '该时段不存在或已调整，请刷新后重新选择'
const REAL_NAME_NEEDED = '预约需要实名：请先在“我的”中填写姓名和身份证号'
const ONE_PER_DAY_INDEX = 'appointments_one_per_day'
const CHECK_IN_CODE_INDEX = 'appointments_check_in_code_unique'

/** Thrown inside the booking transaction when the conditional UPDATE took nothing. */
class SlotFull extends Error {}
/** …because the slot was closed meanwhile (a closure or a stopped template won the race). */
class SlotClosed extends Error {}

interface MatterInfo {
  id: string
  name: string
  flags: { appointment: boolean }
  windowNumbers: string[]
  hallId: string
  hallName: string
  hallAddress: string
  departmentId: string
  departmentName: string
}

type SlotInfo = AppointmentSlotRow & { matterName: string; departmentId: string; hallName: string }

type Messages = (NotificationMessage & { id: string })[]

export class AppointmentService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationService,
    private readonly settings: AppointmentSettings,
  ) {}

  private async window(now: Date): Promise<BookingWindow> {
    return bookingWindow(await this.calendar.get(), shanghaiDate(now), this.settings.windowDays)
  }

  private async matter(matterId: string): Promise<MatterInfo> {
    const [m] = await this.db
      .select({
        id: matters.id,
        name: matters.name,
        flags: matters.flags,
        windowNumbers: matters.windowNumbers,
        hallId: matters.hallId,
        hallName: halls.name,
        hallAddress: halls.address,
        departmentId: matters.departmentId,
        departmentName: departments.name,
      })
      .from(matters)
      .innerJoin(halls, eq(halls.id, matters.hallId))
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(eq(matters.id, matterId))
    if (!m) throw notFound('未找到该事项')
    if (!m.flags.appointment) throw conflict('该事项暂不支持网上预约，请在办公时间直接到大厅办理')
    return m
  }

  // ---- availability ----

  async availability(matterId: string, citizen: CitizenRow | null, now = new Date()): Promise<Availability> {
    const matter = await this.matter(matterId)
    const window = await this.window(now)
    const closed = await closedDates(this.db, matter.hallId, window.first, window.last)
    await materialiseSlots(this.db, matter.id, window.dates, closed)
    const slots = await openSlots(this.db, matter.id, window.dates.filter((d) => !closed.has(d)))
    const days: AvailabilityDay[] = window.dates.map((date) => {
      const reason = closed.get(date)
      if (reason !== undefined) return { date, status: 'closed', remaining: 0, closureReason: reason, slots: [] }
      const own = slots.filter((s) => s.date === date)
      const listed = own.map((s) => ({
        id: s.id,
        startTime: s.startTime,
        endTime: s.endTime,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.capacity,
        remaining: remainingOf(s),
      }))
      const remaining = listed.reduce((sum, s) => sum + s.remaining, 0)
      const status = own.length === 0 ? 'unavailable' : remaining === 0 ? 'full' : 'open'
      return { date, status, remaining, closureReason: null, slots: listed }
    })
    const nextDateWithRoom = days.find((d) => d.status === 'open')?.date ?? null
    let message: string | null = null
    if (!nextDateWithRoom) {
      message = days.some((d) => d.status === 'full')
        ? `未来${window.dates.length}个工作日的预约均已约满，每天都会放出新的号源，请明天再来看看，或在办公时间直接到大厅办理`
        : '该事项近期没有可预约的时段，请在办公时间直接到大厅办理'
    }
    const today = shanghaiDate(now)
    let bookingBan = null
    let bookedDates: string[] = []
    if (citizen) {
      bookingBan = await banOf(this.db, citizen.id, today, this.settings.noShow)
      const held = await this.db
        .select({ date: appointments.date })
        .from(appointments)
        .where(
          and(
            eq(appointments.citizenId, citizen.id),
            eq(appointments.matterId, matter.id),
            ne(appointments.status, 'cancelled'),
            inArray(appointments.date, window.dates),
          ),
        )
      bookedDates = [...new Set(held.map((h) => h.date))].sort()
    }
    return {
      matter: { id: matter.id, name: matter.name },
      department: { id: matter.departmentId, name: matter.departmentName },
      hall: { id: matter.hallId, name: matter.hallName, address: matter.hallAddress },
      windowNumbers: matter.windowNumbers,
      firstDate: window.first,
      lastDate: window.last,
      days,
      nextDateWithRoom,
      message,
      bookingBan,
      bookedDates,
      realNameReady: citizen ? hasRealName(citizen) : false,
    }
  }

  // ---- book ----

  private async slot(slotId: string): Promise<SlotInfo> {
    const [row] = await this.db
      .select({ s: appointmentSlots, matterName: matters.name, departmentId: matters.departmentId, hallName: halls.name })
      .from(appointmentSlots)
      .innerJoin(matters, eq(matters.id, appointmentSlots.matterId))
      .innerJoin(halls, eq(halls.id, appointmentSlots.hallId))
      .where(eq(appointmentSlots.id, slotId))
    if (!row) throw notFound(SLOT_NOT_FOUND)
    return { ...row.s, matterName: row.matterName, departmentId: row.departmentId, hallName: row.hallName }
  }

  /** Everything checked before the transaction, in the order a citizen can fix it. */
  private async checkBookable(citizen: CitizenRow, slot: SlotInfo, now: Date, ignoreAppointmentId?: string): Promise<void> {
    if (!hasRealName(citizen)) throw forbidden(REAL_NAME_NEEDED)
    const ban = await banOf(this.db, citizen.id, shanghaiDate(now), this.settings.noShow)
    if (ban) throw forbidden(ban.message)
    const window = await this.window(now)
    if (!inWindow(window, slot.date)) {
      throw conflict(`只能预约${dateLabel(window.first)}至${dateLabel(window.last)}的时段，请重新选择`, 'slotId')
    }
    const closed = await closedDates(this.db, slot.hallId, slot.date, slot.date)
    if (closed.has(slot.date)) throw conflict(`${slot.hallName}${dateLabel(slot.date)}闭厅（${closed.get(slot.date)}），请选择其他日期`, 'slotId')
    if (!slot.open) throw conflict('该时段已停止预约，请选择其他时段', 'slotId')
    const held = await this.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.citizenId, citizen.id),
          eq(appointments.matterId, slot.matterId),
          eq(appointments.date, slot.date),
          ne(appointments.status, 'cancelled'),
        ),
      )
    if (held.some((h) => h.id !== ignoreAppointmentId)) throw conflict(onePerDayMessage(slot.date))
  }

  private async checkCase(citizen: CitizenRow, caseId: string | undefined, matterId: string): Promise<void> {
    if (!caseId) return
    const [c] = await this.db.select({ citizenId: cases.citizenId, matterId: cases.matterId }).from(cases).where(eq(cases.id, caseId))
    if (!c || c.citizenId !== citizen.id) throw badRequest('未找到该办件，请从“我的办件”重新进入预约', 'caseId')
    if (c.matterId !== matterId) throw badRequest('所选时段的事项与该办件不一致，请重新选择', 'caseId')
  }

  /** A pre-review the booking is for: the citizen's own, passed (容缺 included) for this matter. */
  private async checkPrereview(citizen: CitizenRow, prereviewId: string | undefined, matterId: string): Promise<void> {
    if (!prereviewId) return
    const [p] = await this.db
      .select({ citizenId: prereviews.citizenId, matterId: prereviews.matterId, status: prereviews.status })
      .from(prereviews)
      .where(eq(prereviews.id, prereviewId))
    if (!p || p.citizenId !== citizen.id) throw badRequest('未找到该预审，请从“我的预审”重新进入预约', 'prereviewId')
    const parts = await this.db
      .select({ status: prereviewParts.status })
      .from(prereviewParts)
      .where(and(eq(prereviewParts.prereviewId, prereviewId), eq(prereviewParts.matterId, matterId)))
    const passed = parts.some((x) => x.status === 'passed' || x.status === 'tolerated') || (p.matterId === matterId && p.status === 'passed')
    if (!passed) throw badRequest('该预审尚未通过或不含所选事项，请在预审通过后再预约', 'prereviewId')
  }

  /** The full-slot answer, naming the next day with room when there is one. */
  private async fullMessage(matterId: string, now: Date): Promise<string> {
    const window = await this.window(now)
    const [next] = await this.db
      .select({ date: appointmentSlots.date })
      .from(appointmentSlots)
      .where(
        and(
          eq(appointmentSlots.matterId, matterId),
          inArray(appointmentSlots.date, window.dates),
          eq(appointmentSlots.open, true),
          lt(appointmentSlots.booked, appointmentSlots.capacity),
        ),
      )
      .orderBy(asc(appointmentSlots.startsAt))
      .limit(1)
    return next ? `该时段已约满，请选择其他时段（最近可约：${dateLabel(next.date)}）` : `该时段已约满，未来${window.dates.length}个工作日也已约满，请明天再来看看`
  }

  /** Takes one place of the slot or throws SlotFull / SlotClosed; the caller's transaction undoes it on any later failure. */
  private async take(tx: Tx, slotId: string): Promise<void> {
    const [taken] = await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} + 1` })
      .where(and(eq(appointmentSlots.id, slotId), lt(appointmentSlots.booked, appointmentSlots.capacity), eq(appointmentSlots.open, true)))
      .returning({ id: appointmentSlots.id })
    if (taken) return
    const [slot] = await tx.select({ open: appointmentSlots.open }).from(appointmentSlots).where(eq(appointmentSlots.id, slotId))
    throw slot?.open === false ? new SlotClosed() : new SlotFull()
  }

  private async release(tx: DbOrTx, slotId: string): Promise<void> {
    await tx
      .update(appointmentSlots)
      .set({ booked: sql`GREATEST(${appointmentSlots.booked} - 1, 0)` })
      .where(eq(appointmentSlots.id, slotId))
  }

  private async insertBooking(
    tx: Tx,
    citizen: CitizenRow,
    slot: SlotInfo,
    from: { caseId: string | null; prereviewId: string | null },
    now: Date,
  ): Promise<string> {
    const [row] = await tx
      .insert(appointments)
      .values({
        citizenId: citizen.id,
        matterId: slot.matterId,
        departmentId: slot.departmentId,
        hallId: slot.hallId,
        slotId: slot.id,
        caseId: from.caseId,
        prereviewId: from.prereviewId,
        date: slot.date,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: 'booked',
        checkInCode: newCheckInCode(),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appointments.id })
    return row.id
  }

  /** In-app only: the one-time WeChat subscription is kept for the reminder. */
  private bookedMessage(citizenId: string, slot: SlotInfo, appointmentId: string, verb: string): NotificationMessage {
    return {
      citizenId,
      caseId: null,
      subject: { kind: 'appointment', id: appointmentId },
      title: `预约${verb}`,
      body: `${verb === '成功' ? '您已预约' : '您已改约至'}${dateLabel(slot.date)} ${slot.startTime}–${slot.endTime}在${slot.hallName}办理“${slot.matterName}”。请按时到场，在大厅出示预约二维码签到取号；如不能前往，请至少提前${this.settings.cancelCutoffHours}小时在“我的预约”中取消。`,
    }
  }

  /** Runs a booking transaction, turning the races it can lose into 409s a citizen understands. */
  private async booking<T>(matterId: string, date: string, now: Date, run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run()
      } catch (error) {
        if (error instanceof SlotFull) throw conflict(await this.fullMessage(matterId, now), 'slotId')
        if (error instanceof SlotClosed) throw conflict('该时段刚刚停止预约（大厅闭厅或时段调整），请选择其他时段', 'slotId')
        const pg = pgError(error)
        if (pg?.code === '23505' && pg.constraint === ONE_PER_DAY_INDEX) throw conflict(onePerDayMessage(date))
        // A check-in code collision (about 1 in 10^12 per pair): draw again.
        if (pg?.code === '23505' && pg.constraint === CHECK_IN_CODE_INDEX && attempt < 3) continue
        // A deadlock with an admin's closure or template change (PostgreSQL picked us): the transaction is undone; run it again.
        if (pg?.code === '40P01' && attempt < 3) continue
        throw error
      }
    }
  }

  async book(citizen: CitizenRow, body: BookAppointmentRequest, now = new Date()): Promise<Appointment> {
    const slot = await this.slot(body.slotId)
    await this.checkBookable(citizen, slot, now)
    // A fast answer when it was already full when read; the conditional UPDATE below is the guarantee.
    if (slot.booked >= slot.capacity) throw conflict(await this.fullMessage(slot.matterId, now), 'slotId')
    await this.checkCase(citizen, body.caseId, slot.matterId)
    await this.checkPrereview(citizen, body.prereviewId, slot.matterId)
    const caseId = body.caseId ?? null
    const prereviewId = body.prereviewId ?? null
    const messages: Messages = []
    const id = await this.booking(slot.matterId, slot.date, now, () =>
      this.db.transaction(async (tx) => {
        messages.length = 0
        const id = await this.insertBooking(tx, citizen, slot, { caseId, prereviewId }, now)
        messages.push(await notify(tx, this.bookedMessage(citizen.id, slot, id, '成功')))
        // Last, so the slot's row lock is held only until the commit: bookings of one slot queue on it.
        await this.take(tx, slot.id)
        return id
      }),
    )
    await this.notifications.dispatch(messages)
    return this.getMine(citizen, id, now)
  }

  // ---- mine ----

  async listMine(citizen: CitizenRow, q: AppointmentListQuery, now = new Date()): Promise<AppointmentPage> {
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const today = shanghaiDate(now)
    const where = q.active
      ? and(eq(appointments.citizenId, citizen.id), inArray(appointments.status, ['booked', 'checkedIn']), gte(appointments.date, today))
      : eq(appointments.citizenId, citizen.id)
    const order = q.active ? [asc(appointments.startsAt), asc(appointments.id)] : [desc(appointments.startsAt), desc(appointments.id)]
    const rows = await selectAppointments(this.db)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(appointments).where(where)
    return {
      items: rows.map((r) => toAppointment(toRecord(r), now, this.settings.cancelCutoffHours)),
      page,
      pageSize,
      total,
      bookingBan: await banOf(this.db, citizen.id, today, this.settings.noShow),
    }
  }

  async getMine(citizen: CitizenRow, id: string, now = new Date()): Promise<Appointment> {
    const [row] = await selectAppointments(this.db).where(and(eq(appointments.id, id), eq(appointments.citizenId, citizen.id)))
    // Another citizen's booking answers exactly like an unknown one.
    if (!row) throw notFound(NOT_FOUND)
    return toAppointment(toRecord(row), now, this.settings.cancelCutoffHours)
  }

  /** The citizen's booking, locked for the rest of the transaction. */
  private async lockMine(tx: Tx, citizen: CitizenRow, id: string) {
    const [row] = await tx
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, id), eq(appointments.citizenId, citizen.id)))
      .for('update')
    if (!row) throw notFound(NOT_FOUND)
    return row
  }

  async cancel(citizen: CitizenRow, id: string, reason: string | undefined, now = new Date()): Promise<Appointment> {
    const messages: Messages = []
    await this.db.transaction(async (tx) => {
      const row = await this.lockMine(tx, citizen, id)
      const check = checkCancellable(row.status, row.startsAt, now, this.settings.cancelCutoffHours)
      if (!check.ok) throw conflict(check.message)
      await tx
        .update(appointments)
        .set({ status: 'cancelled', cancelledAt: now, cancelKind: 'citizen', cancelReason: reason?.trim() || null, updatedAt: now })
        .where(eq(appointments.id, id))
      await this.release(tx, row.slotId)
      const [m] = await tx.select({ name: matters.name }).from(matters).where(eq(matters.id, row.matterId))
      messages.push(
        await notify(tx, {
          citizenId: citizen.id,
          caseId: null,
          subject: { kind: 'appointment', id: row.id },
          title: '预约已取消',
          body: `您${dateLabel(row.date)} ${shanghaiClock(row.startsAt)}办理“${m.name}”的预约已取消。`,
        }),
      )
    })
    await this.notifications.dispatch(messages)
    return this.getMine(citizen, id, now)
  }

  /** Cancel + book in one transaction: if the new slot cannot be had, the old booking stands untouched. */
  async reschedule(citizen: CitizenRow, id: string, slotId: string, now = new Date()): Promise<Appointment> {
    const [current] = await this.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, id), eq(appointments.citizenId, citizen.id)))
    if (!current) throw notFound(NOT_FOUND)
    const pre = checkCancellable(current.status, current.startsAt, now, this.settings.cancelCutoffHours)
    if (!pre.ok) throw conflict(pre.message)
    const slot = await this.slot(slotId)
    if (slot.matterId !== current.matterId) throw badRequest('改约只能选择同一事项的其他时段', 'slotId')
    if (slot.id === current.slotId) throw conflict('新时段与原预约相同，请选择其他时段', 'slotId')
    await this.checkBookable(citizen, slot, now, current.id)
    const messages: Messages = []
    const newId = await this.booking(slot.matterId, slot.date, now, () =>
      this.db.transaction(async (tx) => {
        messages.length = 0
        const row = await this.lockMine(tx, citizen, id)
        const check = checkCancellable(row.status, row.startsAt, now, this.settings.cancelCutoffHours)
        if (!check.ok) throw conflict(check.message)
        await tx
          .update(appointments)
          .set({ status: 'cancelled', cancelledAt: now, cancelKind: 'rescheduled', cancelReason: '改约', updatedAt: now })
          .where(eq(appointments.id, id))
        const newId = await this.insertBooking(tx, citizen, slot, { caseId: row.caseId, prereviewId: row.prereviewId }, now)
        await tx.update(appointments).set({ rescheduledTo: newId }).where(eq(appointments.id, id))
        messages.push(await notify(tx, this.bookedMessage(citizen.id, slot, newId, '改约成功')))
        // Slot rows last (as in book) and in id order, so opposite reschedules cannot deadlock.
        if (row.slotId < slot.id) {
          await this.release(tx, row.slotId)
          await this.take(tx, slot.id)
        } else {
          await this.take(tx, slot.id)
          await this.release(tx, row.slotId)
        }
        return newId
      }),
    )
    await this.notifications.dispatch(messages)
    return this.getMine(citizen, newId, now)
  }
}

export function hasRealName(c: CitizenRow): boolean {
  return Boolean(c.realName && c.idNumber && c.identityLevel !== 'none')
}
