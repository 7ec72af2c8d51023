import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { loadWorkdayCalendar, seedCalendarDays } from '../src/services/calendar/calendarService'
import { chineseDaysCalendarInput } from '../src/domain/calendar'
import { openTestDatabase, type TestDatabase } from './testDatabase'

let t: TestDatabase
before(async () => {
  t = await openTestDatabase()
})
after(() => t.close())

describe('calendar_days', () => {
  test('seeding is idempotent, keeps admin overrides, and feeds the working-day calendar', async () => {
    await seedCalendarDays(t.database.db)
    const { rows: first } = await t.database.pool.query(`SELECT count(*)::int AS n FROM calendar_days`)
    assert.equal(first[0].n, chineseDaysCalendarInput().entries.length)

    // A city closes on an ordinary Wednesday, and an admin corrects a package day.
    await t.database.pool.query(
      `INSERT INTO calendar_days (date, kind, name, source) VALUES ('2026-06-10', 'holiday', '本地活动', 'admin')
       ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source`,
    )
    await t.database.pool.query(`UPDATE calendar_days SET kind = 'workday', name = '调整', source = 'admin' WHERE date = '2026-10-07'`)
    await seedCalendarDays(t.database.db)
    const { rows } = await t.database.pool.query(`SELECT date, kind, source FROM calendar_days WHERE source = 'admin' ORDER BY date`)
    assert.deepEqual(rows, [
      { date: '2026-06-10', kind: 'holiday', source: 'admin' },
      { date: '2026-10-07', kind: 'workday', source: 'admin' },
    ])

    const calendar = await loadWorkdayCalendar(t.database.db)
    assert.equal(calendar.isWorkday('2026-06-10'), false, 'the admin closure counts')
    assert.equal(calendar.isWorkday('2026-10-07'), true, 'the admin correction wins over the package')
    assert.equal(calendar.isWorkday('2026-10-01'), false, 'National Day from the package')
    assert.equal(calendar.isWorkday('2026-06-11'), true)
    assert.equal(calendar.isPublished('2026-06-10'), true)
    assert.equal(calendar.isPublished('2099-01-05'), false)
    assert.equal(calendar.missingNextYearWarning(new Date('2026-06-01T00:00:00Z')), null)
  })
})
