import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bookingBan, noShowLookbackStart } from './noShowBan'

const rules = { limit: 2, windowDays: 30, banDays: 90 }

test('one no-show does not ban', () => {
  assert.equal(bookingBan(['2026-03-01'], '2026-03-02', rules), null)
})

test('2 no-shows within 30 days ban for 90 days from the second, with the date in the message', () => {
  const ban = bookingBan(['2026-03-01', '2026-03-20'], '2026-03-21', rules)
  assert.ok(ban)
  assert.equal(ban.until, '2026-06-18')
  assert.equal(ban.noShows, 2)
  assert.match(ban.message, /2026年6月18日（含）前不能在线预约/)
  assert.ok(bookingBan(['2026-03-01', '2026-03-20'], '2026-06-18', rules), 'still banned on the last day')
  assert.equal(bookingBan(['2026-03-01', '2026-03-20'], '2026-06-19', rules), null, 'free the day after')
})

test('2 no-shows 30 or more days apart do not ban', () => {
  assert.equal(bookingBan(['2026-03-01', '2026-03-31'], '2026-04-01', rules), null)
  assert.ok(bookingBan(['2026-03-01', '2026-03-30'], '2026-04-01', rules), '29 days apart')
})

test('the latest ban counts; order of input does not matter', () => {
  const ban = bookingBan(['2026-05-10', '2026-01-01', '2026-05-01', '2026-01-05'], '2026-05-11', rules)
  assert.equal(ban?.until, '2026-08-08')
})

test('limits are settings', () => {
  assert.equal(bookingBan(['2026-03-01', '2026-03-02'], '2026-03-03', { ...rules, limit: 3 }), null)
  assert.equal(bookingBan(['2026-03-01', '2026-03-02', '2026-03-03'], '2026-03-04', { ...rules, limit: 3, banDays: 7 })?.until, '2026-03-10')
  assert.equal(noShowLookbackStart('2026-06-01', rules), '2026-02-01')
})
