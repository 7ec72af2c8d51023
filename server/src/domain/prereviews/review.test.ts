import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { allowedDecisions, checkDecision, overallStatus, partsToReview, type PartSlot, type VerdictMap } from './review'

const slot = (key: string, o: Partial<PartSlot> = {}): PartSlot => ({ key, name: key, required: true, acceptsTolerance: false, attached: true, ...o })
const verdicts = (v: Record<string, 'pass' | 'return'>): VerdictMap =>
  new Map(Object.entries(v).map(([k, verdict]) => [k, { verdict, reason: verdict === 'return' ? '照片模糊' : '' }]))

describe('pre-review decisions', () => {
  const slots = [slot('id'), slot('licence'), slot('photo', { required: false })]

  test('nothing but refuse while a material is unmarked: one complete notice', () => {
    const v = verdicts({ id: 'return', licence: 'pass' })
    assert.deepEqual(allowedDecisions('pending', true, slots, v), ['refuse'])
    const check = checkDecision('return', slots, v, { comment: '' })
    assert.equal(check.ok, false)
    assert.match(!check.ok ? check.message : '', /“photo”尚未审核/)
  })

  test('pass needs every attached material passed and every required one attached', () => {
    assert.deepEqual(allowedDecisions('pending', true, slots, verdicts({ id: 'pass', licence: 'pass', photo: 'pass' })), ['pass', 'refuse'])
    const missing = [slot('id'), slot('licence', { attached: false })]
    const v = verdicts({ id: 'pass' })
    assert.deepEqual(allowedDecisions('pending', true, missing, v), ['refuse'])
    const check = checkDecision('pass', missing, v, { comment: '' })
    assert.equal(check.ok, false)
  })

  test('return needs a returned material; decisions need the claim and a pending part', () => {
    const v = verdicts({ id: 'return', licence: 'pass', photo: 'pass' })
    assert.deepEqual(allowedDecisions('pending', true, slots, v), ['return', 'refuse'])
    assert.deepEqual(allowedDecisions('pending', false, slots, v), [])
    assert.deepEqual(allowedDecisions('passed', true, slots, v), [])
    assert.equal(checkDecision('return', slots, verdicts({ id: 'pass', licence: 'pass', photo: 'pass' }), { comment: '' }).ok, false)
    assert.deepEqual(checkDecision('return', slots, v, { comment: '' }), { ok: true, status: 'returned', toleratedKeys: [] })
  })

  test('tolerate only non-essential materials, listed exactly', () => {
    const s = [slot('id'), slot('lease', { acceptsTolerance: true }), slot('photo', { required: false })]
    const v = verdicts({ id: 'pass', lease: 'return', photo: 'return' })
    assert.deepEqual(allowedDecisions('pending', true, s, v), ['tolerate', 'return', 'refuse'])
    assert.deepEqual(checkDecision('tolerate', s, v, { comment: '', toleratedKeys: ['lease', 'photo'] }), {
      ok: true,
      status: 'tolerated',
      toleratedKeys: ['lease', 'photo'],
    })
    const partial = checkDecision('tolerate', s, v, { comment: '', toleratedKeys: ['lease'] })
    assert.match(!partial.ok ? partial.message : '', /“photo”未通过/)
    const essential = checkDecision('tolerate', s, verdicts({ id: 'return', lease: 'pass', photo: 'pass' }), { comment: '', toleratedKeys: ['id'] })
    assert.match(!essential.ok ? essential.message : '', /必要材料/)
    const passed = checkDecision('tolerate', s, v, { comment: '', toleratedKeys: ['lease', 'photo', 'id'] })
    assert.equal(passed.ok, false)
    const unknown = checkDecision('tolerate', s, v, { comment: '', toleratedKeys: ['nope'] })
    assert.equal(unknown.ok, false)
    // A missing required material that is 容缺-eligible can be tolerated.
    const absent = [slot('id'), slot('lease', { acceptsTolerance: true, attached: false })]
    assert.deepEqual(allowedDecisions('pending', true, absent, verdicts({ id: 'pass' })), ['tolerate', 'refuse'])
  })

  test('refuse needs the legal reason', () => {
    assert.equal(checkDecision('refuse', slots, verdicts({}), { comment: '不符' }).ok, false)
    assert.equal(checkDecision('refuse', slots, verdicts({}), { comment: '依据《食品经营许可管理办法》第十条，经营场所不符合要求' }).ok, true)
  })
})

describe('pre-review status', () => {
  test('from its parts', () => {
    assert.equal(overallStatus(['pending', 'passed']), 'submitted')
    assert.equal(overallStatus(['returned', 'refused']), 'refused')
    assert.equal(overallStatus(['returned', 'passed']), 'returned')
    assert.equal(overallStatus(['tolerated', 'passed']), 'passed')
  })

  test('resubmission reviews returned parts and passed parts whose material was replaced', () => {
    const parts = [
      { id: 'a', status: 'returned' as const, slotKeys: ['id'] },
      { id: 'b', status: 'passed' as const, slotKeys: ['id', 'x'] },
      { id: 'c', status: 'passed' as const, slotKeys: ['y'] },
    ]
    assert.deepEqual(partsToReview(parts, new Set(['id'])), ['a', 'b'])
    assert.deepEqual(partsToReview(parts, new Set()), ['a'])
  })
})
