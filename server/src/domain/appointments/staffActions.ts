/**
 * What staff may do to a booking now. Check-in is accepted on the day of the
 * visit until `lateMinutes` after the slot ends; only after that may a booking
 * be marked a no-show, so nobody is marked absent while still allowed to come.
 */
import type { AppointmentStaffAction, AppointmentStatus } from '../../../../types/enums'

export interface BookingTimes {
  status: AppointmentStatus
  date: string
  endsAt: Date
}

export function checkInClosesAt(endsAt: Date, lateMinutes: number): Date {
  return new Date(endsAt.getTime() + lateMinutes * 60_000)
}

export type ActionCheck = { ok: true } | { ok: false; message: string }

export function checkStaffAction(
  action: AppointmentStaffAction,
  b: BookingTimes,
  now: Date,
  today: string,
  lateMinutes: number,
): ActionCheck {
  const closes = checkInClosesAt(b.endsAt, lateMinutes)
  switch (action) {
    case 'checkIn':
      if (b.status === 'checkedIn' || b.status === 'served') return { ok: false, message: '该预约已签到，无需重复签到' }
      if (b.status === 'cancelled') return { ok: false, message: '该预约已取消，不能签到；请为群众现场取号' }
      if (b.status === 'noShow') return { ok: false, message: '该预约已记为未到，不能签到；请为群众现场取号' }
      if (b.date !== today) {
        return b.date > today
          ? { ok: false, message: `该预约是${b.date}的，请群众在预约当天前来签到` }
          : { ok: false, message: '该预约的日期已过，不能签到；请为群众现场取号' }
      }
      if (now.getTime() > closes.getTime()) return { ok: false, message: `已超过预约时段${lateMinutes}分钟，预约已失效；请为群众现场取号` }
      return { ok: true }
    case 'serve':
      if (b.status !== 'checkedIn') return { ok: false, message: b.status === 'served' ? '该预约已办理完成' : '群众签到取号后才能标记办理完成' }
      return { ok: true }
    case 'noShow':
      if (b.status !== 'booked') return { ok: false, message: '只有未签到的预约才能标记未到' }
      if (now.getTime() <= closes.getTime()) return { ok: false, message: `预约时段结束${lateMinutes}分钟后仍未签到，才能标记未到` }
      return { ok: true }
  }
}

export function allowedStaffActions(b: BookingTimes, now: Date, today: string, lateMinutes: number): AppointmentStaffAction[] {
  return (['checkIn', 'serve', 'noShow'] as const).filter((a) => checkStaffAction(a, b, now, today, lateMinutes).ok)
}
