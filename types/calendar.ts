/** The working-day calendar as admins see and override it (a local closure, a correction). */
import { Type, type Static } from 'typebox'

export const CalendarDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD' })

export const CalendarDayEntry = Type.Object({
  date: CalendarDate,
  kind: Type.Enum(['holiday', 'workday'], { description: 'holiday: a weekday off; workday: a weekend day worked (调休)' }),
  name: Type.String(),
  source: Type.Enum(['chinese-days', 'admin'], { description: 'The State Council calendar package, or an admin override' }),
})
export type CalendarDayEntry = Static<typeof CalendarDayEntry>

export const CalendarYearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) })

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  published: Type.Boolean({ description: "Whether the State Council's holiday notice for this year is in the calendar" }),
  days: Type.Array(CalendarDayEntry),
})
export type CalendarYear = Static<typeof CalendarYear>

export const CalendarOverrideParams = Type.Object({ date: CalendarDate })

export const CalendarOverrideRequest = Type.Object(
  { kind: Type.Enum(['holiday', 'workday']), name: Type.String({ minLength: 2, maxLength: 40 }) },
  { additionalProperties: false },
)
export type CalendarOverrideRequest = Static<typeof CalendarOverrideRequest>
