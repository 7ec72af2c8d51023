/** Cancel and reschedule cut-off: allowed while booked and at least N hours before the start. */
import type { AppointmentStatus } from '../../../../types/enums'

export function cancelDeadline(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * 3_600_000)
}

export type CancelCheck = { ok: true } | { ok: false; message: string }

export function checkCancellable(status: AppointmentStatus, startsAt: Date, now: Date, cutoffHours: number): CancelCheck {
  if (status === 'cancelled') return { ok: false, message: '该预约已取消' }
  if (status !== 'booked') return { ok: false, message: '已签到或已结束的预约不能取消或改约' }
  if (now.getTime() > cancelDeadline(startsAt, cutoffHours).getTime()) {
    return {
      ok: false,
      message: `距预约开始已不足${cutoffHours}小时，不能取消或改约；如确实无法前往，请致电大厅说明，以免记为爽约`,
    }
  }
  return { ok: true }
}
