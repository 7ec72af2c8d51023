/**
 * Appointment reminders: the day before (from a set time that day) and shortly
 * before the slot starts. Each reminder is claimed with a conditional UPDATE
 * (`… SET reminded_* = now WHERE reminded_* IS NULL … RETURNING`) in the same
 * transaction as its in-app message, so any number of instances, or two runs
 * that overlap, send it once. A run that was missed (server down) catches up
 * while the reminder still makes sense.
 */
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client'
import { appointments, halls, matters } from '../../db/schema'
import { dateLabel } from '../../domain/appointments'
import { addDays } from '../../domain/calendar/dates'
import { shanghaiDate, shanghaiInstant } from '../../domain/calendar'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import type { AppointmentSettings } from './settings'
import { shanghaiClock } from './views'

/** Keeps each transaction short; the next run takes the rest. */
const BATCH = 200

type Claimed = { id: string; citizenId: string; caseId: string | null; matterId: string; hallId: string; date: string; startsAt: Date }

async function describe(tx: Tx, rows: Claimed[]): Promise<Map<string, { matter: string; hall: string }>> {
  const ms = await tx.select({ id: matters.id, name: matters.name }).from(matters).where(inArray(matters.id, [...new Set(rows.map((r) => r.matterId))]))
  const hs = await tx.select({ id: halls.id, name: halls.name }).from(halls).where(inArray(halls.id, [...new Set(rows.map((r) => r.hallId))]))
  const m = new Map(ms.map((x) => [x.id, x.name]))
  const h = new Map(hs.map((x) => [x.id, x.name]))
  return new Map(rows.map((r) => [r.id, { matter: m.get(r.matterId) ?? '', hall: h.get(r.hallId) ?? '' }]))
}

const claimed = {
  id: appointments.id,
  citizenId: appointments.citizenId,
  caseId: appointments.caseId,
  matterId: appointments.matterId,
  hallId: appointments.hallId,
  date: appointments.date,
  startsAt: appointments.startsAt,
}

export async function sendAppointmentReminders(
  db: Db,
  notifications: NotificationService,
  settings: AppointmentSettings,
  now = new Date(),
): Promise<{ dayBefore: number; soon: number }> {
  const today = shanghaiDate(now)
  const soonLimit = new Date(now.getTime() + settings.reminderMinutesBefore * 60_000)
  const messages: (NotificationMessage & { id: string })[] = []
  let dayBefore = 0
  let soon = 0

  if (now.getTime() >= shanghaiInstant(today, settings.reminderDayBeforeAt).getTime()) {
    await db.transaction(async (tx) => {
      const due = and(
        eq(appointments.status, 'booked'),
        eq(appointments.date, addDays(today, 1)),
        isNull(appointments.remindedDayBeforeAt),
        // Not when the second reminder is already due: one message is enough.
        gt(appointments.startsAt, soonLimit),
      )
      const rows = await tx
        .update(appointments)
        .set({ remindedDayBeforeAt: now })
        .where(and(due, inArray(appointments.id, tx.select({ id: appointments.id }).from(appointments).where(due).limit(BATCH))))
        .returning(claimed)
      if (rows.length === 0) return
      const names = await describe(tx, rows)
      for (const r of rows) {
        const n = names.get(r.id)!
        messages.push(
          await notify(tx, {
            citizenId: r.citizenId,
            caseId: null,
            kind: 'appointmentReminder',
            subject: { kind: 'appointment', id: r.id },
            facts: { matter: n.matter, time: r.startsAt, place: n.hall, note: '请带齐材料原件，出示预约二维码签到取号' },
            title: '预约提醒：明天办事',
            body: `您预约了明天${dateLabel(r.date)} ${shanghaiClock(r.startsAt)}在${n.hall}办理“${n.matter}”，请带齐材料原件按时前往，到大厅出示预约二维码签到取号。如不能前往，请至少提前${settings.cancelCutoffHours}小时取消。`,
          }),
        )
      }
      dayBefore = rows.length
    })
  }

  await db.transaction(async (tx) => {
    const due = and(
      eq(appointments.status, 'booked'),
      isNull(appointments.remindedHourBeforeAt),
      gt(appointments.startsAt, now),
      lte(appointments.startsAt, soonLimit),
    )
    const rows = await tx
      .update(appointments)
      .set({ remindedHourBeforeAt: now })
      .where(and(due, inArray(appointments.id, tx.select({ id: appointments.id }).from(appointments).where(due).limit(BATCH))))
      .returning(claimed)
    if (rows.length === 0) return
    const names = await describe(tx, rows)
    for (const r of rows) {
      const n = names.get(r.id)!
      messages.push(
        await notify(tx, {
          citizenId: r.citizenId,
          caseId: null,
          kind: 'appointmentReminder',
          subject: { kind: 'appointment', id: r.id },
          facts: { matter: n.matter, time: r.startsAt, place: n.hall, note: '即将开始，请出示预约二维码签到取号' },
          title: '预约提醒：即将开始',
          body: `您预约的“${n.matter}”将于今天${shanghaiClock(r.startsAt)}开始，请前往${n.hall}，出示预约二维码签到取号。`,
        }),
      )
    }
    soon = rows.length
  })

  await notifications.dispatch(messages)
  return { dayBefore, soon }
}
