/**
 * The forms of 预约时段设置 and their checks, made before any request against
 * the contract's bounds (types/appointments.ts SlotTemplateCreate,
 * HallClosureCreate). The server checks the same and more (overlaps, roles).
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export interface TemplateForm {
  matterId: string
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[]
  startTime: string
  /** Empty: the server's default (APPOINTMENT_SLOT_MINUTES). */
  lengthMinutes: string
  capacity: string
}

export interface ClosureForm {
  from: string
  to: string
  reason: string
}

export type FormErrors<F> = Partial<Record<keyof F, string>>

export function validateTemplate(form: TemplateForm): FormErrors<TemplateForm> {
  const errors: FormErrors<TemplateForm> = {}
  if (!form.matterId) errors.matterId = '请选择事项'
  if (form.weekdays.length === 0) errors.weekdays = '请至少选择一天'
  if (!TIME.test(form.startTime)) errors.startTime = '请选择开始时间'
  const length = Number(form.lengthMinutes)
  if (form.lengthMinutes.trim() && !(Number.isInteger(length) && length >= 5 && length <= 240)) errors.lengthMinutes = '时段长度为5–240分钟'
  const capacity = Number(form.capacity)
  if (!(Number.isInteger(capacity) && capacity >= 1 && capacity <= 500)) errors.capacity = '每个时段可约人数为1–500'
  return errors
}

export function validateClosure(form: ClosureForm, today: string): FormErrors<ClosureForm> {
  const errors: FormErrors<ClosureForm> = {}
  if (!DATE.test(form.from) || form.from < today) errors.from = '请选择今天或以后的日期'
  if (!DATE.test(form.to) || form.to < form.from) errors.to = '结束日期不能早于开始日期'
  const reason = form.reason.trim()
  if (reason.length < 2 || reason.length > 100) errors.reason = '请填写闭厅原因（2–100字），将告知受影响的群众'
  return errors
}
