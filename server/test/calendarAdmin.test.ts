import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { json, signInStaff, startTestApp, type TestApp } from './testApp'
import { actOk, matterOf, registerCase } from './casesHelpers'
import type { CalendarYear } from '../../types/calendar'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const put = (headers: { authorization: string }, date: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/staff/calendar/${date}`, headers, payload })

describe('calendar overrides by an admin', () => {
  test("a local closure moves the deadline of the next accepted case; removing it restores the package's day", async () => {
    const admin = await signInStaff(t, 'admin')
    const window = await signInStaff(t, 'scjg.window')
    const matterId = await matterOf(t, 'scjg')
    const first = await actOk(t, window, (await registerCase(t, window, matterId)).case.id, 'accept')
    const dueDay = first.deadline!.dueAt.slice(0, 10)

    // Close the city on the first case's due day (a workday by construction).
    const closed = await put(admin, dueDay, { kind: 'holiday', name: '本地活动闭馆' })
    assert.equal(closed.statusCode, 204)
    const second = await actOk(t, window, (await registerCase(t, window, matterId)).case.id, 'accept')
    assert.ok(second.deadline!.dueAt > first.deadline!.dueAt, 'the closed day no longer counts')

    const year = json<CalendarYear>(await t.app.inject({ url: `/api/staff/calendar?year=${dueDay.slice(0, 4)}`, headers: window }))
    assert.deepEqual(
      year.days.find((d) => d.date === dueDay),
      { date: dueDay, kind: 'holiday', name: '本地活动闭馆', source: 'admin' },
    )
    const audit = await t.db.database.pool.query(`SELECT action FROM audit_log WHERE target_id = $1`, [dueDay])
    assert.deepEqual(audit.rows, [{ action: 'calendar.override' }])

    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/staff/calendar/${dueDay}`, headers: admin })).statusCode, 204)
    const third = await actOk(t, window, (await registerCase(t, window, matterId)).case.id, 'accept')
    assert.equal(third.deadline!.dueAt.slice(0, 10), dueDay)
  })

  test('only an admin overrides; impossible dates and unknown overrides are refused clearly', async () => {
    const lead = await signInStaff(t, 'scjg.lead')
    const admin = await signInStaff(t, 'admin')
    assert.equal((await put(lead, '2026-12-01', { kind: 'holiday', name: '闭馆' })).statusCode, 403)
    const impossible = await put(admin, '2026-02-30', { kind: 'holiday', name: '闭馆' })
    assert.deepEqual([impossible.statusCode, impossible.json().field, impossible.json().message], [400, 'date', '日期不存在，请检查年月日'])
    const badKind = await put(admin, '2026-12-01', { kind: 'party', name: '闭馆' })
    assert.deepEqual([badKind.statusCode, badKind.json().field], [400, 'kind'])
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/staff/calendar/2026-12-02', headers: admin })
    assert.equal(missing.statusCode, 404)
  })
})
