/**
 * One active booking per person per matter per day (DOMAIN.md). The database
 * enforces it with the partial unique index appointments_one_per_day; this is
 * the friendly check made first, and the message both give.
 */
import type { AppointmentStatus } from '../../../../types/enums'
import { dateLabel } from './bookingWindow'

export interface HeldBooking {
  matterId: string
  date: string
  status: AppointmentStatus
}

export function holdsBookingOn(bookings: readonly HeldBooking[], matterId: string, date: string, ignoring?: (b: HeldBooking) => boolean): boolean {
  return bookings.some((b) => b.matterId === matterId && b.date === date && b.status !== 'cancelled' && !(ignoring?.(b) ?? false))
}

export function onePerDayMessage(date: string): string {
  return `您已预约${dateLabel(date)}的该事项，同一事项每天只能预约一次；如需换时间，请在“我的预约”中改约`
}
