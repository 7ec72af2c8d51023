import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { signInByPhone, startTestApp, type TestApp } from './testApp'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const declare = (headers: { authorization: string }, name: string, idNumber: string) =>
  t.app.inject({ method: 'PUT', url: '/api/me/real-name', payload: { name, idNumber }, headers })

describe('real-name profile', () => {
  test('a checksum-valid ID is recorded as declared (not verified) and shown masked', async () => {
    const who = await signInByPhone(t, '13600000001')
    const res = await declare(who, '张三丰', '11010519491231002x')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json().realName, { nameMasked: '张**', idNumberMasked: '1101**********002X', level: 'declared' })
    assert.equal(res.json().identityLevel, 'declared')
    assert.ok(!res.body.includes('19491231'), 'birth date never leaves the server')
    const rows = await t.db.database.pool.query('SELECT id_number FROM citizens WHERE id = $1', [res.json().id])
    assert.equal(rows.rows[0].id_number, '11010519491231002X', 'stored normalised')
  })

  test('each kind of bad ID number gets its own message on the idNumber field', async () => {
    const who = await signInByPhone(t, '13600000002')
    const cases: Array<[string, RegExp]> = [
      ['1101051949123100', /18位/],
      ['00010519491231002X', /地区代码/],
      ['110105194902300021', /出生日期/],
      ['110105194912310021', /校验位/],
    ]
    for (const [id, message] of cases) {
      const res = await declare(who, '李四', id)
      assert.equal(res.statusCode, 400, id)
      assert.equal(res.json().field, 'idNumber')
      assert.match(res.json().message, message)
    }
    const badName = await declare(who, 'Li Si', '11010519491231002X')
    assert.deepEqual([badName.statusCode, badName.json().field], [400, 'name'])
  })

  test('one ID number belongs to one account', async () => {
    const a = await signInByPhone(t, '13600000003')
    const b = await signInByPhone(t, '13600000004')
    assert.equal((await declare(a, '王五', '440524198001010013')).statusCode, 200)
    const res = await declare(b, '王五', '440524198001010013')
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().field, 'idNumber')
  })

  test('the profile needs a session', async () => {
    assert.equal((await t.app.inject('/api/me')).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer x' } })).statusCode, 401)
  })
})

test('two accounts declaring the same ID at the same moment: one wins, the other gets a 409', async () => {
  const a = await signInByPhone(t, '13600000005')
  const b = await signInByPhone(t, '13600000006')
  const results = await Promise.all([declare(a, '赵六', '620981199003071239'), declare(b, '赵六', '620981199003071239')])
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409])
})
