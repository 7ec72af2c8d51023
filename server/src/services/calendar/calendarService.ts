import { sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client'
import { calendarDays } from '../../db/schema'
import { chineseDaysCalendarInput, WorkdayCalendar, type CalendarDay, type OfficeHours } from '../../domain/calendar'

const SEED_BATCH = 500

/** Copies the package's calendar into calendar_days; never touches existing rows (admin overrides win). */
export async function seedCalendarDays(db: DbOrTx): Promise<void> {
  const { entries } = chineseDaysCalendarInput()
  for (let i = 0; i < entries.length; i += SEED_BATCH) {
    const batch = entries.slice(i, i + SEED_BATCH).map((e) => ({ ...e, source: 'chinese-days' as const }))
    await db.insert(calendarDays).values(batch).onConflictDoNothing({ target: calendarDays.date })
  }
}

/**
 * The working-day calendar from the table. Published years are the package's
 * (a year counts when the State Council notice is in); admin rows change days
 * but do not publish a year on their own.
 */
export async function loadWorkdayCalendar(db: DbOrTx): Promise<WorkdayCalendar> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .orderBy(sql`${calendarDays.date}`)
  const entries: CalendarDay[] = rows
  return new WorkdayCalendar({ entries, publishedYears: chineseDaysCalendarInput().publishedYears })
}

/** The calendar for request handling: seeded and loaded once per process, reloadable after admin edits. */
export class CalendarService {
  private loading: Promise<WorkdayCalendar> | null = null

  constructor(
    private readonly db: Db,
    readonly hours: OfficeHours,
  ) {}

  get(): Promise<WorkdayCalendar> {
    this.loading ??= (async () => {
      await seedCalendarDays(this.db)
      return loadWorkdayCalendar(this.db)
    })().catch((error) => {
      this.loading = null
      throw error
    })
    return this.loading
  }

  reload(): Promise<WorkdayCalendar> {
    this.loading = null
    return this.get()
  }
}
