import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkCaseRateable, checkContent, checkVisitRateable, defaultsOn, isBad, nextRound } from './rules'

test('差评 = 不满意 and 非常不满意 only', () => {
  assert.deepEqual(
    (['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const).map(isBad),
    [false, false, false, true, true],
  )
})

test('a 差评 needs a reason tag or text; a good rating needs neither', () => {
  const base = { dimension: 'online' as const, scores: { overall: 1 }, tags: [], text: '' }
  assert.equal(checkContent({ ...base, level: 'dissatisfied' }).ok, false)
  assert.equal(checkContent({ ...base, level: 'veryDissatisfied', text: '  太慢  ' }).ok, false, 'too short after trimming')
  assert.equal(checkContent({ ...base, level: 'veryDissatisfied', tags: ['fast'] }).ok, false, 'a good tag is no reason')
  assert.equal(checkContent({ ...base, level: 'dissatisfied', tags: ['slow'] }).ok, true)
  assert.equal(checkContent({ ...base, level: 'dissatisfied', text: '窗口让我跑了三次' }).ok, true)
  assert.equal(checkContent({ ...base, level: 'basicallySatisfied' }).ok, true)
})

test('scores must belong to the dimension', () => {
  const r = checkContent({ level: 'satisfied', dimension: 'online', scores: { overall: 5, attitude: 4 }, tags: [], text: '' })
  assert.deepEqual(r.ok ? null : [r.status, r.field], [400, 'scores.attitude'])
  assert.equal(checkContent({ level: 'satisfied', dimension: 'inPerson', scores: { overall: 5, attitude: 4 }, tags: [], text: '' }).ok, true)
  assert.equal(checkContent({ level: 'satisfied', dimension: 'inPerson', scores: { overall: 5, usability: 4 }, tags: [], text: '' }).ok, false)
})

test('one rating per target; one more only after a rectified 差评; never a third', () => {
  assert.deepEqual(nextRound([]), { ok: true, round: 1, previousRatingId: null })
  assert.equal(nextRound([{ id: 'a', round: 1, badStatus: null }]).ok, false)
  assert.equal(nextRound([{ id: 'a', round: 1, badStatus: 'pending' }]).ok, false)
  assert.equal(nextRound([{ id: 'a', round: 1, badStatus: 'verified' }]).ok, false)
  assert.equal(nextRound([{ id: 'a', round: 1, badStatus: 'excluded' }]).ok, false)
  assert.deepEqual(nextRound([{ id: 'a', round: 1, badStatus: 'rectified' }]), { ok: true, round: 2, previousRatingId: 'a' })
  assert.equal(nextRound([{ id: 'a', round: 1, badStatus: 'rectified' }, { id: 'b', round: 2, badStatus: 'pending' }]).ok, false)
})

test('cases are rateable once completed, visits once checked in', () => {
  assert.equal(checkCaseRateable('approved').ok, true)
  assert.equal(checkCaseRateable('approvedWithTolerance').ok, true)
  assert.equal(checkCaseRateable('disapproved').ok, true)
  assert.equal(checkCaseRateable('handling').ok, false)
  assert.equal(checkCaseRateable('withdrawn').ok, false)
  assert.equal(checkVisitRateable('checkedIn').ok, true)
  assert.equal(checkVisitRateable('served').ok, true)
  assert.equal(checkVisitRateable('booked').ok, false)
  assert.equal(checkVisitRateable('noShow').ok, false)
})

test('the system default applies 7 natural days after completion', () => {
  assert.equal(defaultsOn(new Date('2026-11-01T02:00:00Z')).toISOString(), '2026-11-08T02:00:00.000Z')
})
