export { chineseDaysCalendarInput, chineseDaysEntries, publishedYears, type CalendarDay } from './calendarData'
export { WorkdayCalendar, type CalendarInput, type WorkdayResult } from './workdayCalendar'
export { shanghaiDate, shanghaiInstant } from './shanghaiTime'
export {
  DEFAULT_OFFICE_HOURS,
  closeOfDay,
  minutesPerDay,
  officeMinutesBetween,
  parseOfficeHours,
  type OfficeHours,
} from './officeHours'
export { computeDeadline, type Deadline, type DeadlineInput, type Pause } from './deadline'
export { deadlineLight, lightLabel, type Light, type LightInput, type LightResult } from './light'
