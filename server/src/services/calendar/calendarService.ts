import { and, asc, eq, like, sql } from 'drizzle-orm'
import type { CalendarYear } from '../../../../types/calendar'
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

/** How long an instance trusts its copy: an admin edit on one instance reaches the others within this. */
const CALENDAR_REFRESH_MS = 60_000

/** The calendar for request handling: seeded and loaded once, refreshed every minute and after admin edits. */
export class CalendarService {
  private loading: Promise<WorkdayCalendar> | null = null
  private loadedAt = 0
  private seeded = false

  constructor(
    private readonly db: Db,
    readonly hours: OfficeHours,
  ) {}

  get(): Promise<WorkdayCalendar> {
    if (this.loading && Date.now() - this.loadedAt > CALENDAR_REFRESH_MS) this.loading = null
    if (!this.loading) {
      this.loadedAt = Date.now()
      this.loading = (async () => {
        // The package's days are copied once per process; refreshes only read the table.
        if (!this.seeded) {
          await seedCalendarDays(this.db)
          this.seeded = true
        }
        return loadWorkdayCalendar(this.db)
      })().catch((error) => {
        this.loading = null
        throw error
      })
    }
    return this.loading
  }

  reload(): Promise<WorkdayCalendar> {
    this.loading = null
    return this.get()
  }

  async year(year: number): Promise<CalendarYear> {
    const rows = await this.db
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
      .from(calendarDays)
      .where(like(calendarDays.date, `${year}-%`))
      .orderBy(asc(calendarDays.date))
    return { year, published: chineseDaysCalendarInput().publishedYears.includes(year), days: rows }
  }

  /** An admin's override of one day; the package's entry for that day, if any, is replaced. */
  async override(date: string, change: { kind: 'holiday' | 'workday'; name: string }): Promise<void> {
    await this.db
      .insert(calendarDays)
      .values({ date, ...change, source: 'admin' })
      .onConflictDoUpdate({ target: calendarDays.date, set: { ...change, source: 'admin' } })
    await this.reload()
  }

  /** Removes an admin override; the package's entry for that day (if any) comes back. */
  async removeOverride(date: string): Promise<boolean> {
    const removed = await this.db
      .delete(calendarDays)
      .where(and(eq(calendarDays.date, date), eq(calendarDays.source, 'admin')))
      .returning({ date: calendarDays.date })
    await this.reload()
    return removed.length > 0
  }
}
