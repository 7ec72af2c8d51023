import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RATING_LEVELS, type RatingLevel } from '../../../../types/enums'
import { codeToLevel, levelToCode } from './codes'

const levels = Object.keys(RATING_LEVELS) as RatingLevel[]

test('GB/T 39046: 1 = 非常满意 … 5 = 非常不满意, both directions', () => {
  const expected: [RatingLevel, number][] = [
    ['verySatisfied', 1],
    ['satisfied', 2],
    ['basicallySatisfied', 3],
    ['dissatisfied', 4],
    ['veryDissatisfied', 5],
  ]
  for (const [level, code] of expected) {
    assert.equal(levelToCode(level, 'gbt39046'), code, level)
    assert.equal(codeToLevel(code, 'gbt39046'), level, String(code))
  }
  assert.equal(RATING_LEVELS[codeToLevel(1, 'gbt39046')!], '非常满意')
})

test('provincial rating API: 1 = 非常不满意 … 5 = 非常满意, both directions', () => {
  const expected: [RatingLevel, number][] = [
    ['veryDissatisfied', 1],
    ['dissatisfied', 2],
    ['basicallySatisfied', 3],
    ['satisfied', 4],
    ['verySatisfied', 5],
  ]
  for (const [level, code] of expected) {
    assert.equal(levelToCode(level, 'provincial'), code, level)
    assert.equal(codeToLevel(code, 'provincial'), level, String(code))
  }
  assert.equal(RATING_LEVELS[codeToLevel(1, 'provincial')!], '非常不满意')
})

test('the conventions are opposite: the same code means different levels except 3', () => {
  for (const code of [1, 2, 4, 5]) assert.notEqual(codeToLevel(code, 'gbt39046'), codeToLevel(code, 'provincial'))
  assert.equal(codeToLevel(3, 'gbt39046'), 'basicallySatisfied')
  assert.equal(codeToLevel(3, 'provincial'), 'basicallySatisfied')
  // Converting between them goes through the name.
  for (const level of levels) assert.equal(codeToLevel(levelToCode(level, 'gbt39046'), 'gbt39046'), level)
  assert.equal(levelToCode(codeToLevel(1, 'gbt39046')!, 'provincial'), 5)
})

test('codes outside 1–5 or of another type are refused', () => {
  for (const bad of [0, 6, -1, 2.5, '3', null, undefined, NaN]) {
    assert.equal(codeToLevel(bad, 'gbt39046'), null, String(bad))
    assert.equal(codeToLevel(bad, 'provincial'), null, String(bad))
  }
})
