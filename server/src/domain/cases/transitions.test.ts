import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '../../../../types/enums'
import { allowedActions, checkTransition, STAFF_TRANSITIONS } from './transitions'

const statuses = Object.keys(CASE_STATUSES) as CaseStatus[]
const actions = Object.keys(CASE_ACTIONS) as CaseAction[]

describe('case transitions', () => {
  test('staff actions per status are exactly the table', () => {
    assert.deepEqual(allowedActions('received', 'staff'), ['accept', 'notAccept', 'reject', 'requestCorrection'])
    assert.deepEqual(allowedActions('correctionStarted', 'staff'), ['reject', 'endCorrection'])
    assert.deepEqual(allowedActions('correctionEnded', 'staff'), ['accept', 'notAccept', 'reject'])
    assert.deepEqual(allowedActions('accepted', 'staff'), ['startHandling', 'approve', 'approveWithTolerance', 'disapprove'])
    assert.deepEqual(allowedActions('handling', 'staff'), ['startSpecial', 'approve', 'approveWithTolerance', 'disapprove'])
    assert.deepEqual(allowedActions('specialStarted', 'staff'), ['endSpecial'])
    assert.deepEqual(allowedActions('specialEnded', 'staff'), ['startSpecial', 'approve', 'approveWithTolerance', 'disapprove'])
    for (const s of statuses) if (!STAFF_TRANSITIONS[s]) assert.deepEqual(allowedActions(s, 'staff'), [], s)
  })

  test('the applicant may only withdraw, and only while allowed', () => {
    const withdrawable = statuses.filter((s) => allowedActions(s, 'applicant').length > 0)
    assert.deepEqual(withdrawable, ['received', 'accepted', 'correctionStarted', 'correctionEnded', 'handling', 'specialEnded'])
    for (const s of withdrawable) assert.deepEqual(allowedActions(s, 'applicant'), ['withdraw'])
  })

  test('withdraw before acceptance cancels (已撤件), after acceptance withdraws (撤回)', () => {
    const to = (s: CaseStatus) => {
      const r = checkTransition(s, 'withdraw', 'applicant')
      return r.ok ? r.transition.to : null
    }
    assert.equal(to('received'), 'cancelled')
    assert.equal(to('correctionStarted'), 'cancelled')
    assert.equal(to('correctionEnded'), 'cancelled')
    assert.equal(to('accepted'), 'withdrawn')
    assert.equal(to('handling'), 'withdrawn')
    assert.equal(to('specialEnded'), 'withdrawn')
  })

  test('illegal moves say why', () => {
    const why = (s: CaseStatus, a: CaseAction, actor: 'staff' | 'applicant' = 'staff') => {
      const r = checkTransition(s, a, actor)
      assert.equal(r.ok, false, `${s} ${a}`)
      return r.ok ? '' : `${r.statusCode} ${r.message}`
    }
    assert.equal(why('approved', 'withdraw', 'applicant'), '409 该办件已办结，不能再撤回')
    assert.match(why('specialStarted', 'withdraw', 'applicant'), /^409 特别程序进行中/)
    assert.match(why('correctionEnded', 'requestCorrection'), /一次性告知/)
    assert.equal(why('received', 'approve'), '409 当前状态为“已接件”，不能办结（通过）')
    assert.equal(why('disapproved', 'accept'), '409 该办件已办结，不能再受理')
    assert.equal(why('received', 'withdraw'), '409 撤回只能由申请人提出')
    assert.match(why('received', 'accept', 'applicant'), /申请人不能/)
  })

  test('every (status, action) pair answers, legal exactly when listed', () => {
    for (const s of statuses) {
      for (const a of actions) {
        const r = checkTransition(s, a, 'staff')
        assert.equal(r.ok, a !== 'withdraw' && (STAFF_TRANSITIONS[s] ?? []).includes(a as never), `${s} ${a}`)
        if (!r.ok) assert.ok(r.message.length > 0)
      }
    }
  })

  test('reasons are required for refusals, correction, failure and special procedures', () => {
    for (const [s, a] of [
      ['received', 'notAccept'],
      ['received', 'reject'],
      ['received', 'requestCorrection'],
      ['accepted', 'disapprove'],
      ['handling', 'startSpecial'],
    ] as [CaseStatus, CaseAction][]) {
      const r = checkTransition(s, a, 'staff', '  ')
      assert.deepEqual(r.ok ? null : [r.statusCode, r.field], [400, 'comment'], a)
      assert.equal(checkTransition(s, a, 'staff', '材料不全').ok, true)
    }
    assert.equal(checkTransition('received', 'accept', 'staff', '').ok, true)
  })

  test('pauses open and close with correction and special procedures', () => {
    const t = (s: CaseStatus, a: CaseAction) => {
      const r = checkTransition(s, a, 'staff', 'x')
      assert.ok(r.ok)
      return r.transition
    }
    assert.equal(t('received', 'requestCorrection').openPause, 'correction')
    assert.equal(t('correctionStarted', 'endCorrection').closePause, true)
    assert.equal(t('handling', 'startSpecial').openPause, 'special')
    assert.equal(t('handling', 'startSpecial').closePause, false)
    assert.equal(t('specialStarted', 'endSpecial').closePause, true)
    assert.equal(t('received', 'accept').accepts, true)
    assert.equal(t('correctionStarted', 'reject').closePause, true)
    assert.equal(t('received', 'accept').outcome, 'pass')
    assert.equal(t('received', 'reject').outcome, 'return')
  })
})
