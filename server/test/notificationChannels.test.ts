// WeChat subscribe messages and SMS behind the message centre, against the protocol simulators.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { NotificationDeliveryPage, NotificationPage, SubscriptionCredits, SubscriptionTemplateList } from '../../types/notifications'
import { smsFromConfig, wechatFromConfig } from '../src/integrations/fromConfig'
import { notificationDeliveriesFromConfig, notificationServiceFromConfig } from '../src/services/notifications/fromConfig'
import { notify, type NotificationMessage } from '../src/services/notifications/notificationService'
import { truncate } from '../src/services/notifications/templates'
import { actOk, matterOf, registerCase } from './casesHelpers'
import { json, signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'

const TPL_CASE = 'tplCaseStep0000000001'
const TPL_PREREVIEW = 'tplPrereview000000001'
const SUBSCRIBE_SEND = '/cgi-bin/message/subscribe/send'

let t: TestApp
let simNow = Date.now()
let staff: { authorization: string }
let admin: { authorization: string }
let matterId: string

before(async () => {
  t = await startTestApp(
    {
      WECHAT_TEMPLATE_CASE_STEP: TPL_CASE,
      WECHAT_TEMPLATE_PREREVIEW_RESULT: TPL_PREREVIEW,
      SMS_TEMPLATE_CASE_STEP: 'SMS_CASE_STEP',
      SMS_TEMPLATE_PREREVIEW_RESULT: 'SMS_PREREVIEW',
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_RETRY_BASE_SECONDS: '60',
    },
    {
      wechat: {
        now: () => simNow,
        subscribeTemplates: { [TPL_CASE]: ['thing1', 'phrase2', 'time3', 'thing4'], [TPL_PREREVIEW]: ['thing1', 'phrase2', 'time3', 'thing4'] },
      },
      sms: {
        templates: {
          SMS_CASE_STEP: '您办理的${matter}${status}：${note}',
          SMS_PREREVIEW: '您提交的${matter}预审${status}：${note}',
        },
      },
    },
  )
  staff = await signInStaff(t, 'scjg.window')
  admin = await signInStaff(t, 'admin')
  matterId = await matterOf(t, 'scjg')
})
after(() => t.close())

const wechatLogin = async (openid: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.wechat.mintLoginCode(openid) } })
  assert.equal(res.statusCode, 200, res.body)
  return { authorization: `Bearer ${res.json().token}` }
}
const bindPhone = async (who: { authorization: string }, phone: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code: t.wechat.mintPhoneCode(phone) }, headers: who })
  assert.equal(res.statusCode, 200, res.body)
}
/** The tap: WeChat records the accepted templates, then the app tells the server. */
const subscribe = async (who: { authorization: string }, openid: string, accepted: string[]) => {
  t.wechat.acceptSubscription(openid, accepted)
  const res = await t.app.inject({ method: 'POST', url: '/api/subscriptions', headers: who, payload: { accepted } })
  assert.equal(res.statusCode, 200, res.body)
  return json<SubscriptionCredits>(res)
}
const delivered = (openid: string) => t.wechat.subscribeMessages.filter((m) => m.toUser === openid)
const calls = (path: string) => t.wechat.requestLog.filter((r) => r.path === path).length
const citizenIdOf = async (column: 'wechat_openid' | 'phone', value: string) =>
  (await t.db.database.pool.query(`SELECT id FROM citizens WHERE ${column} = $1`, [value])).rows[0].id as string
const deliveryOf = async (notificationId: string) =>
  (await t.db.database.pool.query(`SELECT * FROM notification_deliveries WHERE notification_id = $1`, [notificationId])).rows[0]
const latestNotificationId = async (citizenId: string) =>
  (await t.db.database.pool.query(`SELECT id FROM notifications WHERE citizen_id = $1 ORDER BY created_at DESC LIMIT 1`, [citizenId])).rows[0].id as string
const makeDue = () => t.db.database.pool.query(`UPDATE notification_deliveries SET next_attempt_at = now() - interval '1 second' WHERE status = 'queued'`)

/** What the pre-review service will do: notify inside its transaction, dispatch after commit. */
function sendDirect(message: Omit<NotificationMessage, 'caseId'> & { caseId?: string | null }) {
  const service = notificationServiceFromConfig({ db: t.db.database.db, config: t.config, wechat: wechatFromConfig(t.config), sms: smsFromConfig(t.config) })
  return t.db.database.db.transaction((tx) => notify(tx, { caseId: null, ...message })).then(async (m) => {
    await service.dispatch([m])
    return m
  })
}
const retryJob = () =>
  notificationDeliveriesFromConfig({ db: t.db.database.db, config: t.config, wechat: wechatFromConfig(t.config), sms: smsFromConfig(t.config) })

describe('subscription templates and credits', () => {
  test('the public list has only the configured templates, with what the citizen is asked', async () => {
    const res = await t.app.inject({ url: '/api/subscriptions/templates' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(json<SubscriptionTemplateList>(res).templates, [
      { kind: 'prereviewResult', templateId: TPL_PREREVIEW, title: '预审结果通知' },
      { kind: 'caseStep', templateId: TPL_CASE, title: '办件进度通知' },
    ])
  })

  test('accepting adds one credit per configured template; unknown ids are ignored; input is validated', async () => {
    const who = await wechatLogin('openid-credits')
    const first = await subscribe(who, 'openid-credits', [TPL_CASE, 'tplNotOurs'])
    assert.deepEqual(first.credits.map((c) => [c.templateId, c.remaining]), [[TPL_PREREVIEW, 0], [TPL_CASE, 1]])
    const again = await subscribe(who, 'openid-credits', [TPL_CASE, TPL_PREREVIEW])
    assert.deepEqual(again.credits.map((c) => [c.templateId, c.remaining]), [[TPL_PREREVIEW, 1], [TPL_CASE, 2]])
    const tooMany = await t.app.inject({ method: 'POST', url: '/api/subscriptions', headers: who, payload: { accepted: ['a', 'b', 'c', 'd'] } })
    assert.equal(tooMany.statusCode, 400)
    assert.match(tooMany.json().message, /[\u4e00-\u9fff]/)
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/subscriptions', payload: { accepted: [TPL_CASE] } })).statusCode, 401)
  })
})

describe('choosing the channel', () => {
  test('with a credit: exactly one subscribe message with the template data, then the credit is spent', async () => {
    const openid = 'openid-weapp-with-phone'
    const phone = '13600000001'
    const who = await wechatLogin(openid)
    await bindPhone(who, phone)
    await subscribe(who, openid, [TPL_CASE])
    const smsBefore = t.sms.outbox.length

    const receipt = await registerCase(t, staff, matterId, { applicantPhone: phone })
    const [message] = delivered(openid)
    assert.equal(delivered(openid).length, 1)
    assert.equal(message.templateId, TPL_CASE)
    assert.equal(message.page, `packages/cases/pages/detail/index?id=${receipt.case.id}`)
    assert.equal(message.miniprogramState, 'formal')
    const data = message.data as Record<string, { value: string }>
    assert.equal(data.thing1.value, '办件已接件')
    assert.equal(data.phrase2.value, '有更新')
    assert.match(data.time3.value, /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    assert.equal(data.thing4.value, truncate(`您的办件（编号${receipt.case.number}）已由窗口接件，可在“我的办件”查看进度。`, 20))
    assert.equal(Array.from(data.thing4.value).length, 20)
    assert.equal(t.sms.outbox.length, smsBefore, 'one channel per message: no SMS as well')
    assert.equal(t.wechat.subscriptionQuota(openid, TPL_CASE), 0)

    const credits = json<SubscriptionCredits>(await t.app.inject({ url: '/api/subscriptions', headers: who }))
    assert.equal(credits.credits.find((c) => c.templateId === TPL_CASE)?.remaining, 0)

    // The message centre has it too, with its kind and what it links to.
    const inbox = json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: who }))
    assert.equal(inbox.items[0].kind, 'caseStep')
    assert.deepEqual(inbox.items[0].subject, { kind: 'case', id: receipt.case.id })

    // Next step without a credit: not via WeChat; this citizen has a phone, so an SMS instead.
    await actOk(t, staff, receipt.case.id, 'accept')
    assert.equal(delivered(openid).length, 1)
    assert.equal(t.sms.outbox.length, smsBefore + 1)
    assert.equal(t.sms.outbox[0].phone, phone)
    assert.equal(t.sms.outbox[0].templateCode, 'SMS_CASE_STEP')
    assert.equal(t.sms.outbox[0].params.status, '已受理')
  })

  test('a weapp-only citizen without a credit (and no phone) gets the message in-app only; nothing fails', async () => {
    const openid = 'openid-weapp-only'
    const who = await wechatLogin(openid)
    await subscribe(who, openid, [TPL_PREREVIEW])
    const citizenId = await citizenIdOf('wechat_openid', openid)
    const smsBefore = t.sms.outbox.length
    const prereview = { kind: 'prereview' as const, id: '00000000-0000-4000-8000-000000000001' }
    const facts = { matter: '个体工商户设立登记', status: '退回补正', note: '身份证照片模糊，请重新拍摄' }

    const first = await sendDirect({ citizenId, kind: 'prereviewResult', subject: prereview, facts, title: '预审结果', body: '您的预审已答复。' })
    const second = await sendDirect({ citizenId, kind: 'prereviewResult', subject: prereview, facts, title: '预审结果', body: '您的预审已答复。' })

    assert.equal(delivered(openid).length, 1)
    assert.deepEqual(delivered(openid)[0].data, {
      thing1: { value: '个体工商户设立登记' },
      phrase2: { value: '退回补正' },
      time3: { value: (delivered(openid)[0].data as Record<string, { value: string }>).time3.value },
      thing4: { value: '身份证照片模糊，请重新拍摄' },
    })
    assert.equal(delivered(openid)[0].page, `packages/cases/pages/messages/index?id=${first.id}`)
    assert.equal((await deliveryOf(first.id)).status, 'sent')
    assert.equal(await deliveryOf(second.id), undefined, 'no channel took the second one')
    assert.equal(t.sms.outbox.length, smsBefore)
    const inbox = json<NotificationPage>(await t.app.inject({ url: '/api/notifications', headers: who }))
    assert.equal(inbox.total, 2)
    assert.deepEqual(inbox.items.map((n) => n.subject), [prereview, prereview])
  })

  test('an app (SMS) citizen gets an SMS and no subscribe message', async () => {
    const phone = '13600000002'
    const who = await signInByPhone(t, phone)
    const wechatBefore = t.wechat.subscribeMessages.length
    const receipt = await registerCase(t, staff, matterId, { applicantPhone: phone })
    const sms = t.sms.outbox.find((m) => m.phone === phone && m.templateCode === 'SMS_CASE_STEP')
    assert.ok(sms)
    assert.equal(sms.params.matter, '办件已接件')
    assert.ok(Array.from(sms.params.note).length <= 35)
    assert.match(sms.text, /^【跑一次】您办理的办件已接件有更新：/)
    assert.equal(t.wechat.subscribeMessages.length, wechatBefore)
    const notificationId = await latestNotificationId(await citizenIdOf('phone', phone))
    const row = await deliveryOf(notificationId)
    assert.deepEqual([row.channel, row.status, row.attempts], ['sms', 'sent', 1])
    assert.ok(!JSON.stringify(row.payload).includes(phone), 'the phone is not copied into the delivery')
    assert.ok(receipt.case.id)
  })
})

describe('failures and retries', () => {
  test('an expired token is refreshed and the message delivered at once', async () => {
    const openid = 'openid-token'
    const who = await wechatLogin(openid)
    const citizenId = await citizenIdOf('wechat_openid', openid)
    await subscribe(who, openid, [TPL_PREREVIEW])
    await subscribe(who, openid, [TPL_PREREVIEW])
    const service = notificationServiceFromConfig({ db: t.db.database.db, config: t.config, wechat: wechatFromConfig(t.config), sms: null })
    const send = async () => {
      const m = await t.db.database.db.transaction((tx) => notify(tx, { citizenId, caseId: null, kind: 'prereviewResult', title: '预审结果', body: '预审通过' }))
      await service.dispatch([m])
      return m
    }
    await send() // caches a token in this client
    const tokensBefore = calls('/cgi-bin/stable_token')
    const sendsBefore = calls(SUBSCRIBE_SEND)
    simNow += 7200 * 1000 // WeChat's clock passes the token's expiry; the client still trusts it
    const late = await send()
    assert.equal(calls('/cgi-bin/stable_token'), tokensBefore + 1, 'one refresh')
    assert.equal(calls(SUBSCRIBE_SEND), sendsBefore + 2, '42001, then the retry')
    assert.equal(delivered(openid).length, 2)
    const row = await deliveryOf(late.id)
    assert.deepEqual([row.status, row.attempts], ['sent', 1])
  })

  test('WeChat busy: queued with backoff; retry jobs running at once deliver it exactly once', async () => {
    const openid = 'openid-busy'
    const who = await wechatLogin(openid)
    await subscribe(who, openid, [TPL_PREREVIEW])
    const citizenId = await citizenIdOf('wechat_openid', openid)
    t.wechat.failNext(SUBSCRIBE_SEND, -1, 'system error')
    const m = await sendDirect({ citizenId, kind: 'prereviewResult', title: '预审结果', body: '预审通过' })
    const queued = await deliveryOf(m.id)
    assert.deepEqual([queued.status, queued.attempts, queued.last_error_code], ['queued', 1, '-1'])
    const waitS = (new Date(queued.next_attempt_at).getTime() - Date.now()) / 1000
    assert.ok(waitS > 50 && waitS <= 60, `first backoff ≈ 60 s, got ${waitS}`)
    assert.equal(delivered(openid).length, 0)

    assert.deepEqual(await retryJob().runDue(), { claimed: 0, sent: 0 }, 'not due yet')
    await makeDue()
    // Warm the pool so the jobs really run side by side on PostgreSQL (PGlite has one connection).
    await Promise.all(Array.from({ length: 6 }, () => t.db.database.pool.query('SELECT pg_sleep(0.02)')))
    const results = await Promise.all(Array.from({ length: 6 }, () => retryJob().runDue()))
    assert.equal(results.reduce((n, r) => n + r.sent, 0), 1)
    assert.equal(delivered(openid).length, 1)
    const sent = await deliveryOf(m.id)
    assert.deepEqual([sent.status, sent.attempts, sent.next_attempt_at], ['sent', 2, null])
    await makeDue()
    assert.deepEqual(await retryJob().runDue(), { claimed: 0, sent: 0 }, 'a sent message is never sent again')
    assert.equal(delivered(openid).length, 1)
  })

  test('transient failures stop after NOTIFICATION_MAX_ATTEMPTS and the delivery is marked failed', async () => {
    const openid = 'openid-down'
    const who = await wechatLogin(openid)
    await subscribe(who, openid, [TPL_PREREVIEW])
    const citizenId = await citizenIdOf('wechat_openid', openid)
    t.wechat.failNext(SUBSCRIBE_SEND, -1, 'system error', 3)
    const m = await sendDirect({ citizenId, kind: 'prereviewResult', title: '预审结果', body: '预审通过' })
    for (let i = 0; i < 3; i++) {
      await makeDue()
      await retryJob().runDue()
    }
    const row = await deliveryOf(m.id)
    assert.deepEqual([row.status, row.attempts, row.next_attempt_at], ['failed', 3, null])
    assert.equal(delivered(openid).length, 0)
  })

  test('43101 (no subscription on WeChat\'s side) is failed, not retried, and shown to admins only', async () => {
    const openid = 'openid-refused'
    const who = await wechatLogin(openid)
    // The app reports an acceptance WeChat never recorded (e.g. the user switched messages off since).
    const res = await t.app.inject({ method: 'POST', url: '/api/subscriptions', headers: who, payload: { accepted: [TPL_PREREVIEW] } })
    assert.equal(res.statusCode, 200)
    const citizenId = await citizenIdOf('wechat_openid', openid)
    const sendsBefore = calls(SUBSCRIBE_SEND)
    const m = await sendDirect({ citizenId, kind: 'prereviewResult', title: '预审结果', body: '预审通过' })
    const row = await deliveryOf(m.id)
    assert.deepEqual([row.status, row.attempts, row.last_error_code, row.next_attempt_at], ['failed', 1, '43101', null])
    await makeDue()
    await retryJob().runDue()
    assert.equal(calls(SUBSCRIBE_SEND), sendsBefore + 1, 'not retried')

    // An SMS refused for good shows with a masked phone.
    const phone = '13600000003'
    await signInByPhone(t, phone)
    t.sms.failNext('isv.MOBILE_NUMBER_ILLEGAL')
    await registerCase(t, staff, matterId, { applicantPhone: phone })

    const list = await t.app.inject({ url: '/api/staff/notification-deliveries?status=failed', headers: admin })
    assert.equal(list.statusCode, 200, list.body)
    const page = json<NotificationDeliveryPage>(list)
    const wechatFailure = page.items.find((d) => d.notificationId === m.id)
    assert.ok(wechatFailure)
    assert.deepEqual([wechatFailure.channel, wechatFailure.lastErrorCode, wechatFailure.phoneMasked, wechatFailure.kind], ['wechat', '43101', null, 'prereviewResult'])
    const smsFailure = page.items.find((d) => d.channel === 'sms')
    assert.ok(smsFailure)
    assert.equal(smsFailure.phoneMasked, '136****0003')
    assert.equal(smsFailure.lastErrorCode, 'isv.MOBILE_NUMBER_ILLEGAL')
    assert.ok(page.items.every((d) => d.status === 'failed'))
    assert.ok(!list.body.includes(phone) && !list.body.includes(openid), 'no phone or openid in the list')

    const clerk = await t.app.inject({ url: '/api/staff/notification-deliveries?status=failed', headers: staff })
    assert.equal(clerk.statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/notification-deliveries', headers: who })).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/staff/notification-deliveries' })).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/staff/notification-deliveries?status=lost', headers: admin })).statusCode, 400)
  })
})

describe('channels off', () => {
  test('without templates or clients only the message centre is used', async () => {
    const service = notificationServiceFromConfig({ db: t.db.database.db, config: t.config, wechat: null, sms: null })
    assert.deepEqual(service.channelNames, [])
    const on = notificationServiceFromConfig({ db: t.db.database.db, config: t.config, wechat: wechatFromConfig(t.config), sms: smsFromConfig(t.config) })
    assert.deepEqual(on.channelNames, ['wechat', 'sms'])
  })
})
