import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSearchText, normalizeQuery } from './searchText'

test('a matter is found by name, pinyin initials and full pinyin', () => {
  const text = buildSearchText('居民身份证换领', ['身份证到期'])
  assert.ok(text.includes('居民身份证换领'))
  assert.ok(text.includes('jmsfzhl'))
  assert.ok(text.includes('sfz'))
  assert.ok(text.includes('shenfenzheng'))
  assert.ok(!text.includes('yyzz'))
})

test('keywords are searchable in every form', () => {
  const text = buildSearchText('个体工商户设立登记', ['营业执照', '开店'])
  assert.ok(text.includes('yyzz'))
  assert.ok(text.includes('kaidian'))
})

test('queries ignore case and spaces', () => {
  assert.equal(normalizeQuery('  SFZ hl '), 'sfzhl')
})
