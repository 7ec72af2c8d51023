import type { Config } from '../../config'
import type { NoShowRules } from '../../domain/appointments'

/** Every number of DOMAIN.md "Appointments", from the validated configuration. */
export interface AppointmentSettings {
  windowDays: number
  slotMinutes: number
  cancelCutoffHours: number
  noShow: NoShowRules
  lateMinutes: number
  reminderDayBeforeAt: string
  reminderMinutesBefore: number
}

export function appointmentSettings(config: Config): AppointmentSettings {
  return {
    windowDays: config.APPOINTMENT_WINDOW_DAYS,
    slotMinutes: config.APPOINTMENT_SLOT_MINUTES,
    cancelCutoffHours: config.APPOINTMENT_CANCEL_CUTOFF_HOURS,
    noShow: {
      limit: config.APPOINTMENT_NO_SHOW_LIMIT,
      windowDays: config.APPOINTMENT_NO_SHOW_WINDOW_DAYS,
      banDays: config.APPOINTMENT_BAN_DAYS,
    },
    lateMinutes: config.APPOINTMENT_LATE_MINUTES,
    reminderDayBeforeAt: config.APPOINTMENT_REMINDER_DAY_BEFORE_AT,
    reminderMinutesBefore: config.APPOINTMENT_REMINDER_MINUTES_BEFORE,
  }
}
