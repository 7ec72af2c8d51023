/**
 * Personal data stays out of logs, error answers and lists: the app logs at
 * debug level into a buffer while a citizen signs in, declares a real name,
 * has a walk-in case registered, files a complaint and makes mistakes; then no
 * log line and no list or error answer holds a full phone or ID number.
 */
import type { InjectOptions } from 'fastify'
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { loggableError } from '../src/errors'
import { matterOf, registerCase } from './casesHelpers'
import { residentId } from './prereviewHelpers'
import { signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'

const PHONE = '13987654321'
const ID = residentId(424242)
const CASE_PHONE = '13876543210'
const CASE_ID = residentId(434343)
const SECRETS = [PHONE, ID, CASE_PHONE, CASE_ID]

let t: TestApp
const lines: string[] = []
const answers: { what: string; body: string }[] = []

async function call(what: string, options: InjectOptions) {
  const res = await t.app.inject(options)
  answers.push({ what: `${what} (${res.statusCode})`, body: res.body })
  return res
}

const holding = (text: string) => SECRETS.filter((secret) => text.includes(secret))

before(async () => {
  t = await startTestApp({ LOG_LEVEL: 'debug' }, {}, { logStream: { write: (line) => void lines.push(line) } })
})
after(() => t.close())

describe('personal data', () => {
  test('a day of citizen and clerk requests leaves no phone or ID number in the log, the lists or the errors', async () => {
    const citizen = await signInByPhone(t, PHONE)
    const headers = { authorization: citizen.authorization }
    const declared = await call('declare a real name', { method: 'PUT', url: '/api/me/real-name', headers, payload: { name: '王小明', idNumber: ID } })
    assert.equal(declared.statusCode, 200)
    // Mistakes: a bad check character, a malformed phone, an ID in a URL.
    const badId = `${ID.slice(0, 17)}${ID.endsWith('1') ? '2' : '1'}`
    const refused = await call('wrong check character', { method: 'PUT', url: '/api/me/real-name', headers, payload: { name: '王小明', idNumber: badId } })
    assert.equal(refused.statusCode, 400)
    assert.ok(!refused.json().message.includes(badId))
    assert.equal((await call('malformed phone', { method: 'POST', url: '/api/auth/sms-codes', payload: { phone: `${PHONE}9` } })).statusCode, 400)
    assert.equal((await call('an ID as a case id', { url: `/api/cases/${ID}`, headers })).statusCode, 400)

    const window = await signInStaff(t, 'scjg.window')
    const matterId = await matterOf(t, 'scjg')
    const walkIn = await registerCase(t, window, matterId, { applicantName: '赵大海', applicantIdNumber: CASE_ID, applicantPhone: CASE_PHONE })
    await call('staff case list', { url: '/api/staff/cases', headers: window })
    await call('staff case detail', { url: `/api/staff/cases/${walkIn.case.id}`, headers: window })
    await call('my profile', { url: '/api/me', headers })
    await call('my cases', { url: '/api/cases', headers })
    const complaint = await call('file a complaint', {
      method: 'POST',
      url: '/api/complaints',
      headers,
      payload: { clientKey: crypto.randomUUID(), kind: 'complaint', category: 'attitude', content: '窗口工作人员态度生硬，没有一次性告知材料' },
    })
    assert.equal(complaint.statusCode, 201)
    await call('staff complaint list', { url: '/api/staff/complaints', headers: await signInStaff(t, 'admin') })
    await call('staff complaint detail', { url: `/api/staff/complaints/${complaint.json().id}`, headers: await signInStaff(t, 'admin') })

    assert.ok(lines.length > 20, `the app logged (${lines.length} lines)`)
    assert.ok(lines.some((line) => line.includes('/api/me/real-name')), 'requests are in the log')
    assert.deepEqual(lines.filter((line) => holding(line).length > 0), [], 'no log line holds a phone or an ID number')
    assert.deepEqual(
      answers.filter((a) => holding(a.body).length > 0).map((a) => `${a.what}: ${holding(a.body).join(', ')}`),
      [],
      'no answer holds a full phone or ID number',
    )
  })

  test('a database error is logged by where it happened, not by the values it refused', () => {
    const driver = Object.assign(new Error(`duplicate key value violates unique constraint "citizens_phone_unique"`), {
      code: '23505',
      detail: `Key (phone)=(${PHONE}) already exists.`,
      table: 'citizens',
      constraint: 'citizens_phone_unique',
    })
    const wrapped = Object.assign(new Error(`Failed query: insert into "citizens" ("phone") values ($1)\nparams: ${PHONE}`), { cause: driver })
    const logged = JSON.stringify(loggableError(wrapped))
    assert.deepEqual(holding(logged), [])
    assert.match(logged, /"code":"23505".*"table":"citizens".*"constraint":"citizens_phone_unique"/)
    const plain = new Error('something else')
    assert.deepEqual(loggableError(plain), { err: plain })
  })
})
