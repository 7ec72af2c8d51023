import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { json, signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'
import type { MatterPage } from '../../types/matters'

let t: TestApp
before(async () => {
  t = await startTestApp({ STAFF_MAX_FAILED_LOGINS: '3', STAFF_LOCKOUT_MINUTES: '15' })
})
after(() => t.close())

const staffLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } })
const patch = (headers: { authorization: string }, id: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/staff/matters/${id}`, payload, headers })

describe('staff sign-in', () => {
  test('a demo account signs in with its role and department', async () => {
    const res = await staffLogin('scjg.window', 'Paoyici@2026')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().staff.role, 'window')
    assert.equal(res.json().staff.canEditGuides, false)
    assert.equal(res.json().staff.canSupervise, false)
    assert.equal((await staffLogin('scjg.lead', 'Paoyici@2026')).json().staff.canEditGuides, true)
    assert.match(res.json().staff.department.name, /市场监督管理局/)
    assert.ok(!res.body.includes('scrypt'), 'no password hash leaks')
    const me = await t.app.inject({ url: '/api/staff/me', headers: { authorization: `Bearer ${res.json().token}` } })
    assert.equal(me.json().username, 'scjg.window')
  })

  test('wrong passwords count down to a lockout that even the right password cannot pass', async () => {
    const first = await staffLogin('jt.window', 'wrong')
    assert.equal(first.statusCode, 401)
    assert.equal(first.json().message, '用户名或密码错误，再错2次账号将被锁定')
    await staffLogin('jt.window', 'wrong')
    const locked = await staffLogin('jt.window', 'wrong')
    assert.equal(locked.statusCode, 423)
    assert.match(locked.json().message, /账号已锁定至\d{2}:\d{2}/)
    assert.equal((await staffLogin('jt.window', 'Paoyici@2026')).statusCode, 423)
    await t.db.database.pool.query(`UPDATE staff SET locked_until = now() - interval '1 second' WHERE username = 'jt.window'`)
    assert.equal((await staffLogin('jt.window', 'Paoyici@2026')).statusCode, 200, 'the lock expires')
  })

  test('an unknown username gets the same answer as a wrong password', async () => {
    const res = await staffLogin('nobody', 'whatever')
    assert.equal(res.statusCode, 401)
    assert.equal(res.json().message, '用户名或密码错误')
  })
})

describe('staff: security', () => {
  test('a citizen cannot call staff endpoints, and staff cannot call citizen ones', async () => {
    const citizen = await signInByPhone(t, '13500000001')
    assert.equal((await t.app.inject({ url: '/api/staff/me', headers: citizen })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/matters', headers: citizen })).statusCode, 403)
    const staff = await signInStaff(t, 'rsj.window')
    assert.equal((await t.app.inject({ url: '/api/me', headers: staff })).statusCode, 403)
    assert.equal((await t.app.inject('/api/staff/matters')).statusCode, 401)
  })

  test("staff see only their own department's matters; an admin sees all", async () => {
    const window = await signInStaff(t, 'bdc.window')
    const own = json<MatterPage>(await t.app.inject({ url: '/api/staff/matters?pageSize=50', headers: window }))
    assert.ok(own.total > 0)
    assert.equal(new Set(own.items.map((m) => m.department.id)).size, 1)
    assert.match(own.items[0].department.name, /不动产/)
    const admin = await signInStaff(t, 'admin')
    const all = json<MatterPage>(await t.app.inject({ url: '/api/staff/matters?pageSize=50', headers: admin }))
    assert.equal(all.total, json(await t.app.inject('/api/catalog')).matterCount)
  })

  test("a lead edits their own department's guide (audited); not another department's", async () => {
    const lead = await signInStaff(t, 'ga.lead')
    const own = json<MatterPage>(await t.app.inject({ url: '/api/staff/matters', headers: lead })).items[0]
    const faqs = [{ question: '周末可以办理吗？', answer: '每周六上午开放身份证办理专窗。' }]
    const res = await patch(lead, own.id, { consultPhone: '0937-3999999', faqs })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().consultPhone, '0937-3999999')
    assert.deepEqual(res.json().faqs, faqs)
    const publicView = json(await t.app.inject(`/api/matters/${own.id}`))
    assert.equal(publicView.consultPhone, '0937-3999999')
    const audit = await t.db.database.pool.query(`SELECT action, detail FROM audit_log WHERE target_id = $1`, [own.id])
    assert.deepEqual(audit.rows, [{ action: 'guide.update', detail: { fields: ['consultPhone', 'faqs'] } }])

    const other = json<MatterPage>(await t.app.inject('/api/matters?pageSize=50')).items.find((m) => m.department.id !== own.department.id)!
    const denied = await patch(lead, other.id, { consultPhone: '0937-3000000' })
    assert.equal(denied.statusCode, 403)
    assert.equal(denied.json().message, '不能修改其他部门的办事指南')
    assert.notEqual(json(await t.app.inject(`/api/matters/${other.id}`)).consultPhone, '0937-3000000')
  })

  test('window staff may not edit guides; bad edits name the field', async () => {
    const window = await signInStaff(t, 'mz.window')
    const own = json<MatterPage>(await t.app.inject({ url: '/api/staff/matters', headers: window })).items[0]
    assert.equal((await patch(window, own.id, { consultPhone: '0937-3111111' })).statusCode, 403)
    const lead = await signInStaff(t, 'mz.lead')
    const empty = await patch(lead, own.id, {})
    assert.deepEqual([empty.statusCode, empty.json().message], [400, '请至少修改一项内容'])
    const bad = await patch(lead, own.id, { consultPhone: 'call me' })
    assert.deepEqual([bad.statusCode, bad.json().field], [400, 'consultPhone'])
    const missing = await patch(lead, '00000000-0000-4000-8000-000000000000', { consultPhone: '0937-3111111' })
    assert.equal(missing.statusCode, 404)
  })
})
