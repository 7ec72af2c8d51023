import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadConfig } from '../../config'
import { subscriptionTemplates, templatesFromConfig } from './templateConfig'

test('only configured kinds get a template; the list is in the order of NOTIFICATION_KINDS', () => {
  const t = templatesFromConfig(
    loadConfig({ WECHAT_TEMPLATE_RATING_REPLY: 'tplRating', WECHAT_TEMPLATE_PREREVIEW_RESULT: 'tplPre', SMS_TEMPLATE_CASE_STEP: 'SMS_1', WECHAT_MINIPROGRAM_STATE: 'trial' }),
  )
  assert.deepEqual(t.wechat, { prereviewResult: 'tplPre', ratingReply: 'tplRating' })
  assert.deepEqual(t.sms, { caseStep: 'SMS_1' })
  assert.equal(t.miniprogramState, 'trial')
  assert.deepEqual(subscriptionTemplates(t), [
    { kind: 'prereviewResult', templateId: 'tplPre', title: '预审结果通知' },
    { kind: 'ratingReply', templateId: 'tplRating', title: '评价回复通知' },
  ])
  assert.deepEqual(templatesFromConfig(loadConfig({})).wechat, {})
})

test('a bad mini-program state stops boot', () => {
  assert.throws(() => loadConfig({ WECHAT_MINIPROGRAM_STATE: 'beta' }), /WECHAT_MINIPROGRAM_STATE/)
})
