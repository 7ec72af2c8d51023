import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { removeSpentRecords } from '../src/services/housekeeping'
import { signInByPhone, startTestApp, type TestApp } from './testApp'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

test('spent SMS codes, long-expired sessions and stale lookup guards are removed; live sign-ins stay', async () => {
  const live = await signInByPhone(t, '13300000001')
  await signInByPhone(t, '13300000002')
  const pool = t.db.database.pool
  await pool.query(`UPDATE sms_codes SET created_at = now() - interval '3 days' WHERE phone = '13300000002'`)
  await pool.query(
    `UPDATE sessions SET expires_at = now() - interval '31 days' WHERE citizen_id = (SELECT id FROM citizens WHERE phone = '13300000002')`,
  )
  await pool.query(
    `INSERT INTO lookup_guards (number_key, failures, last_failure_at) VALUES ('old', 2, now() - interval '2 days'), ('recent', 2, now())`,
  )
  assert.deepEqual(await removeSpentRecords(t.db.database.db), { smsCodes: 1, sessions: 1, lookupGuards: 1 })
  assert.deepEqual(await removeSpentRecords(t.db.database.db), { smsCodes: 0, sessions: 0, lookupGuards: 0 }, 'running again changes nothing')
  assert.equal((await t.app.inject({ url: '/api/me', headers: live })).statusCode, 200)
})
