/**
 * The appointment labels of the contract (types/enums.ts APPOINTMENT_*),
 * copied for the booking and staff subpackages. Importing them from
 * types/enums.ts would keep them in the main package, where that module
 * lives (src/README.md, budgets); appointmentLabels.test.ts checks the copies
 * still equal the contract's.
 */
import type { AppointmentCancelKind, AppointmentDayStatus, AppointmentStaffAction, AppointmentStatus } from '../../types/enums'

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  checkedIn: '已签到',
  served: '已办理',
  noShow: '未到（爽约）',
}

export const CANCEL_KIND_LABELS: Record<AppointmentCancelKind, string> = {
  citizen: '本人取消',
  rescheduled: '已改约',
  closure: '大厅闭厅',
}

export const DAY_STATUS_LABELS: Record<AppointmentDayStatus, string> = {
  open: '可预约',
  full: '已约满',
  closed: '闭厅',
  unavailable: '当日不开放预约',
}

export const STAFF_ACTION_LABELS: Record<AppointmentStaffAction, string> = {
  checkIn: '签到取号',
  serve: '办理完成',
  noShow: '标记未到',
}
