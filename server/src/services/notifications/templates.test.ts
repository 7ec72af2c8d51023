import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../../types/enums'
import { validKeywordValue } from '../../../../mock/wechat/simulator'
import { settingSuffix } from './templateConfig'
import {
  SMS_VALUE_MAX,
  SUBSCRIBE_LAYOUTS,
  buildSmsParams,
  buildSubscribeData,
  fitKeyword,
  formatAmount,
  formatTime,
  subscribePage,
  toPhrase,
  truncate,
} from './templates'

const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[]
const at = new Date('2026-11-22T08:05:00Z') // 16:05 in Shanghai
const long = '不动产登记（首次登记）——国有建设用地使用权及房屋所有权首次登记，含预告登记转本登记'

describe('truncate', () => {
  test('leaves short values, cuts long ones to the limit ending in …', () => {
    assert.equal(truncate('营业执照', 20), '营业执照')
    const cut = truncate(long, 20)
    assert.equal(Array.from(cut).length, 20)
    assert.ok(cut.endsWith('…'))
    assert.ok(long.startsWith(cut.slice(0, -1)))
  })

  test('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const rare = '𠀀'.repeat(25) // outside the BMP: two UTF-16 units each
    const cut = truncate(rare, 20)
    assert.equal(Array.from(cut).length, 20)
    assert.equal(cut, `${'𠀀'.repeat(19)}…`)
  })

  test('squashes line breaks and runs of spaces', () => {
    assert.equal(truncate('  请补正\n\n身份证   照片 ', 20), '请补正 身份证 照片')
  })
})

describe('keyword values', () => {
  test('phrase keeps at most 5 Chinese characters and drops everything else', () => {
    assert.equal(toPhrase('退回补正'), '退回补正')
    assert.equal(toPhrase('已受理(窗口)'), '已受理窗口')
    assert.equal(toPhrase('容缺受理并已办结'), '容缺受理并')
    assert.equal(toPhrase('OK!'), null)
  })

  test('time is a Chinese 24-hour time in Asia/Shanghai', () => {
    assert.equal(formatTime(at), '2026年11月22日 16:05')
    assert.equal(formatTime(new Date('2026-12-31T16:30:00Z')), '2027年1月1日 00:30')
  })

  test('amount is a currency sign and at most 10 digits', () => {
    assert.equal(formatAmount(1250), '¥12.50')
    assert.equal(formatAmount(5), '¥0.05')
    assert.equal(formatAmount(undefined), null)
    assert.equal(formatAmount(-1), null)
    assert.equal(formatAmount(1e13), null)
  })

  test('fitKeyword follows the keyword type', () => {
    assert.equal(fitKeyword('thing12', long), truncate(long, 20))
    assert.equal(fitKeyword('phrase3', '预审通过了'), '预审通过了')
    assert.equal(fitKeyword('character_string1', 'YM 2026-0001 号'), 'YM2026-0001')
    assert.equal(fitKeyword('name2', '欧阳娜娜娜娜娜娜娜娜娜'), '欧阳娜娜娜娜娜娜娜…')
  })
})

describe('buildSubscribeData', () => {
  test('every kind yields exactly its keywords, each valid by WeChat rules, even from long text', () => {
    for (const kind of kinds) {
      const data = buildSubscribeData({
        kind,
        title: long,
        body: `${long}。${long}`,
        facts: { amountFen: 12345, place: `${long}大厅`, status: '审核通过并已完成' },
        at,
      })
      assert.ok(data, kind)
      assert.deepEqual(Object.keys(data), SUBSCRIBE_LAYOUTS[kind].map(([k]) => k), kind)
      for (const [keyword, { value }] of Object.entries(data)) {
        assert.ok(validKeywordValue(keyword, value), `${kind}.${keyword} = ${value}`)
      }
    }
  })

  test('facts win over the title and body; the case status comes from a "进度：…" title', () => {
    const fromFacts = buildSubscribeData({ kind: 'prereviewResult', title: '预审结果', body: '请查看', facts: { matter: '个体工商户设立登记', status: '退回补正', note: '身份证照片模糊' }, at })
    assert.deepEqual(fromFacts, {
      thing1: { value: '个体工商户设立登记' },
      phrase2: { value: '退回补正' },
      time3: { value: '2026年11月22日 16:05' },
      thing4: { value: '身份证照片模糊' },
    })
    const caseStep = buildSubscribeData({ kind: 'caseStep', title: '办件进度：已受理', body: '您的办件当前状态：已受理。', at })
    assert.equal(caseStep?.phrase2.value, '已受理')
    const noStatus = buildSubscribeData({ kind: 'caseStep', title: '办件已接件', body: '已接件', at })
    assert.equal(noStatus?.phrase2.value, '有更新')
  })

  test('a payment reminder without an amount sends no subscribe message rather than a wrong one', () => {
    assert.equal(buildSubscribeData({ kind: 'paymentDue', title: '缴费', body: '请缴费', at }), null)
    assert.equal(buildSmsParams({ kind: 'paymentDue', title: '缴费', body: '请缴费', at }), null)
  })
})

describe('buildSmsParams', () => {
  test('each variable stays within Aliyun\'s length and uses the same facts', () => {
    for (const kind of kinds) {
      const params = buildSmsParams({ kind, title: long, body: long.repeat(3), facts: { amountFen: 100 }, at })
      assert.ok(params, kind)
      for (const value of Object.values(params)) assert.ok(Array.from(value).length <= SMS_VALUE_MAX, `${kind}: ${value}`)
    }
    assert.deepEqual(buildSmsParams({ kind: 'correctionNeeded', title: '请补正', body: '缺少签字', facts: { matter: '失业登记' }, at }), {
      matter: '失业登记',
      note: '缺少签字',
    })
  })
})

test('subscribe pages open the case, else the message centre', () => {
  assert.equal(subscribePage({ kind: 'case', id: 'c1' }, 'n1'), 'packages/cases/pages/detail/index?id=c1')
  assert.equal(subscribePage({ kind: 'prereview', id: 'p1' }, 'n1'), 'packages/cases/pages/messages/index?id=n1')
  assert.equal(subscribePage(null, 'n1'), 'packages/cases/pages/messages/index?id=n1')
})

test('setting names: WECHAT_TEMPLATE_<KIND> in upper snake case', () => {
  assert.deepEqual(kinds.map(settingSuffix), ['PREREVIEW_RESULT', 'CORRECTION_NEEDED', 'APPOINTMENT_REMINDER', 'CASE_STEP', 'PAYMENT_DUE', 'RATING_REPLY', 'COMPLAINT_REPLY'])
})
