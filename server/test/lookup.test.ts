import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { CaseProgress } from '../../types/cases'
import { actOk, matterOf, registerCase, VALID_ID } from './casesHelpers'
import { signInStaff, startTestApp, type TestApp } from './testApp'

let t: TestApp
let window: { authorization: string }
let matterId: string
before(async () => {
  t = await startTestApp({ LOOKUP_MAX_FAILURES: '3', LOOKUP_LOCK_MINUTES: '30', LOOKUP_HOURLY_LIMIT_PER_CLIENT: '10' })
  window = await signInStaff(t, 'scjg.window')
  matterId = await matterOf(t, 'scjg', 5)
})
after(() => t.close())

let client = 0
/** Each test looks up from its own address, so the per-client limit only bites where tested. */
const newClient = () => `203.0.113.${++client}`
const lookup = (number: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/cases/lookup', payload: { number, password }, remoteAddress })

describe('anonymous lookup', () => {
  test('the right number and password show progress without personal data', async () => {
    const receipt = await registerCase(t, window, matterId, { applicantName: '欧阳明月', applicantPhone: '13812345678' })
    await actOk(t, window, receipt.case.id, 'accept')
    const res = await lookup(receipt.case.number.toLowerCase(), receipt.queryPassword, newClient())
    assert.equal(res.statusCode, 200, res.body)
    const p = res.json<CaseProgress>()
    assert.equal(p.number, receipt.case.number)
    assert.equal(p.status, 'accepted')
    assert.equal(p.applicantNameMasked, '欧***')
    assert.equal(p.deadline?.light, 'green')
    assert.deepEqual(p.steps.map((s) => s.status), ['received', 'accepted'])
    assert.match(p.steps[0].actor, /^窗口人员 .\*+$/)
    for (const secret of ['13812345678', VALID_ID, '欧阳明月', '王晓燕', receipt.case.id, receipt.queryPassword]) {
      assert.ok(!res.body.includes(secret), `the answer does not contain ${secret}`)
    }
    assert.deepEqual(Object.keys(p).sort(), ['applicantNameMasked', 'deadline', 'departmentName', 'matterName', 'number', 'status', 'steps'])
  })

  test('a wrong number and a wrong password get the same answer', async () => {
    const receipt = await registerCase(t, window, matterId)
    const ip = newClient()
    const wrongPassword = await lookup(receipt.case.number, receipt.queryPassword === '000000' ? '111111' : '000000', ip)
    const wrongNumber = await lookup('YM19990101000001', receipt.queryPassword, ip)
    assert.equal(wrongPassword.statusCode, 404)
    assert.deepEqual(wrongPassword.json(), wrongNumber.json())
    assert.equal(wrongPassword.json().message, '办件编号或查询密码不正确')
  })

  test('after 3 failures the number is locked: even the right password is refused, and an unknown number locks alike', async () => {
    const receipt = await registerCase(t, window, matterId)
    const wrong = receipt.queryPassword === '999999' ? '888888' : '999999'
    // The failures come from different clients: the lock is per number, not per client.
    for (let i = 0; i < 3; i++) assert.equal((await lookup(receipt.case.number, wrong, newClient())).statusCode, 404)
    const locked = await lookup(receipt.case.number, receipt.queryPassword, newClient())
    assert.equal(locked.statusCode, 429)
    assert.match(locked.json().message, /^查询失败次数过多，请30分钟后再试$/)

    const unknown = 'YM20000101999999'
    for (let i = 0; i < 3; i++) assert.equal((await lookup(unknown, wrong, newClient())).statusCode, 404)
    const unknownLocked = await lookup(unknown, wrong, newClient())
    assert.deepEqual([unknownLocked.statusCode, unknownLocked.json()], [locked.statusCode, locked.json()], 'a lock does not reveal that a case exists')

    await t.db.database.pool.query(`UPDATE lookup_guards SET locked_until = now() - interval '1 second'`)
    assert.equal((await lookup(receipt.case.number, receipt.queryPassword, newClient())).statusCode, 200, 'the lock expires')
  })

  test('a client is limited after too many failures per hour, whatever it looks up', async () => {
    const receipt = await registerCase(t, window, matterId)
    const ip = newClient()
    for (let i = 0; i < 10; i++) {
      const res = await lookup(`YM2026010100${String(i).padStart(4, '0')}`, '123456', ip)
      assert.equal(res.statusCode, 404)
    }
    const limited = await lookup(receipt.case.number, receipt.queryPassword, ip)
    assert.equal(limited.statusCode, 429)
    assert.equal(limited.json().message, '查询过于频繁，请一小时后再试')
    assert.equal((await lookup(receipt.case.number, receipt.queryPassword, newClient())).statusCode, 200, 'other clients are not affected')
    const stored = await t.db.database.pool.query(`SELECT client_key FROM lookup_client_counts`)
    assert.ok(stored.rows.every((r) => !String(r.client_key).includes('203.0.113')), 'addresses are stored hashed')
  })

  test('malformed requests are refused before any lookup', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/lookup', payload: { number: '', password: '1' }, remoteAddress: newClient() })
    assert.equal(res.statusCode, 400)
  })
})
