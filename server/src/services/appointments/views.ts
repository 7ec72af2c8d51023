/** Row → contract mapping for bookings; citizens' personal data masked for staff. */
import { and, eq, gte, inArray } from 'drizzle-orm'
import type { Appointment, StaffAppointment } from '../../../../types/appointments'
import { maskName, maskPhone, maskResidentId } from '../../../../types/validators'
import type { DbOrTx } from '../../db/client'
import { appointments, citizens, departments, halls, matters, type AppointmentRow } from '../../db/schema'
import {
  allowedStaffActions,
  bookingBan,
  cancelDeadline,
  checkCancellable,
  checkInPayload,
  noShowLookbackStart,
  type Ban,
  type NoShowRules,
} from '../../domain/appointments'
import { SHANGHAI_OFFSET_MS } from '../../domain/calendar/shanghaiTime'

/** 'HH:mm' in Shanghai of an instant. */
export function shanghaiClock(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)
}

export type AppointmentRecord = AppointmentRow & {
  matterName: string
  windowNumbers: string[]
  departmentName: string
  hallName: string
  hallAddress: string
}

export type StaffAppointmentRecord = AppointmentRecord & {
  citizenName: string | null
  citizenIdNumber: string | null
  citizenPhone: string | null
}

const recordColumns = {
  a: appointments,
  matterName: matters.name,
  windowNumbers: matters.windowNumbers,
  departmentName: departments.name,
  hallName: halls.name,
  hallAddress: halls.address,
}

type RecordRow = { a: AppointmentRow; matterName: string; windowNumbers: string[]; departmentName: string; hallName: string; hallAddress: string }

export const selectAppointments = (db: DbOrTx) =>
  db
    .select(recordColumns)
    .from(appointments)
    .innerJoin(matters, eq(matters.id, appointments.matterId))
    .innerJoin(departments, eq(departments.id, appointments.departmentId))
    .innerJoin(halls, eq(halls.id, appointments.hallId))

export const selectStaffAppointments = (db: DbOrTx) =>
  db
    .select({ ...recordColumns, citizenName: citizens.realName, citizenIdNumber: citizens.idNumber, citizenPhone: citizens.phone })
    .from(appointments)
    .innerJoin(matters, eq(matters.id, appointments.matterId))
    .innerJoin(departments, eq(departments.id, appointments.departmentId))
    .innerJoin(halls, eq(halls.id, appointments.hallId))
    .innerJoin(citizens, eq(citizens.id, appointments.citizenId))

export const toRecord = (r: RecordRow): AppointmentRecord => ({
  ...r.a,
  matterName: r.matterName,
  windowNumbers: r.windowNumbers,
  departmentName: r.departmentName,
  hallName: r.hallName,
  hallAddress: r.hallAddress,
})

export const toStaffRecord = (
  r: RecordRow & { citizenName: string | null; citizenIdNumber: string | null; citizenPhone: string | null },
): StaffAppointmentRecord => ({ ...toRecord(r), citizenName: r.citizenName, citizenIdNumber: r.citizenIdNumber, citizenPhone: r.citizenPhone })

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function commonFields(r: AppointmentRecord) {
  return {
    id: r.id,
    status: r.status,
    matter: { id: r.matterId, name: r.matterName },
    department: { id: r.departmentId, name: r.departmentName },
    hall: { id: r.hallId, name: r.hallName, address: r.hallAddress },
    date: r.date,
    startTime: shanghaiClock(r.startsAt),
    endTime: shanghaiClock(r.endsAt),
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    windowNumbers: r.windowNumbers,
    queueNumber: r.queueNumber,
    calledWindow: r.calledWindow,
    calledAt: iso(r.calledAt),
    checkedInAt: iso(r.checkedInAt),
    servedAt: iso(r.servedAt),
    noShowAt: iso(r.noShowAt),
    cancelledAt: iso(r.cancelledAt),
    cancelKind: r.cancelKind,
    cancelReason: r.cancelReason,
    caseId: r.caseId,
    prereviewId: r.prereviewId,
    createdAt: r.createdAt.toISOString(),
  }
}

export function toAppointment(r: AppointmentRecord, now: Date, cutoffHours: number): Appointment {
  return {
    ...commonFields(r),
    checkInCode: r.checkInCode,
    checkInPayload: checkInPayload(r.checkInCode),
    cancelDeadline: cancelDeadline(r.startsAt, cutoffHours).toISOString(),
    canCancel: checkCancellable(r.status, r.startsAt, now, cutoffHours).ok,
    rescheduledTo: r.rescheduledTo,
  }
}

export function toStaffAppointment(r: StaffAppointmentRecord, now: Date, today: string, lateMinutes: number): StaffAppointment {
  return {
    ...commonFields(r),
    queueSeq: r.queueSeq,
    citizenNameMasked: r.citizenName ? maskName(r.citizenName) : '未实名',
    citizenIdNumberMasked: r.citizenIdNumber ? maskResidentId(r.citizenIdNumber) : null,
    citizenPhoneMasked: r.citizenPhone ? maskPhone(r.citizenPhone) : null,
    allowedActions: allowedStaffActions(r, now, today, lateMinutes),
  }
}

/** The citizen's no-show ban on `today`, if any. */
export async function banOf(db: DbOrTx, citizenId: string, today: string, rules: NoShowRules): Promise<Ban | null> {
  const rows = await db
    .select({ date: appointments.date })
    .from(appointments)
    .where(and(eq(appointments.citizenId, citizenId), eq(appointments.status, 'noShow'), gte(appointments.date, noShowLookbackStart(today, rules))))
  return bookingBan(
    rows.map((r) => r.date),
    today,
    rules,
  )
}

export async function recordsByIds(db: DbOrTx, ids: string[]): Promise<AppointmentRecord[]> {
  if (ids.length === 0) return []
  return (await selectAppointments(db).where(inArray(appointments.id, ids))).map(toRecord)
}
