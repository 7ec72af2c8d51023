import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isValidUscc, makeUscc, orgCodeCheckChar, usccCheckChar } from './uscc'
import { departments } from './departments'

test('accepts well-formed codes with a correct check character', () => {
  assert.ok(isValidUscc('91350100M000100Y43')) // the GB 32100 worked example
  assert.ok(isValidUscc('11100000000013127D')) // a central-government organ code (11 + 100000)
})

test('rejects wrong length, forbidden letters and a wrong check character', () => {
  assert.equal(isValidUscc('91350100M000100Y4'), false)
  assert.equal(isValidUscc('91350100M000100Y431'), false)
  assert.equal(isValidUscc('91350100M000I00Y43'), false, 'I is not in the GB 32100 charset')
  assert.equal(isValidUscc('91350100M000100Y44'), false)
})

test('accepts lower case and surrounding spaces', () => {
  assert.ok(isValidUscc(' 91350100m000100y43 '))
})

test('every single-character change is caught', () => {
  const code = makeUscc('11', '620981', '01392061')
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  for (let i = 0; i < 18; i++) {
    for (const c of charset) {
      if (c === code[i]) continue
      const changed = code.slice(0, i) + c + code.slice(i + 1)
      assert.equal(isValidUscc(changed), false, changed)
    }
  }
})

test('makeUscc builds codes that validate, with a valid GB 11714 organisation code inside', () => {
  const code = makeUscc('11', '620981', 'MB195021')
  assert.equal(code.length, 18)
  assert.ok(isValidUscc(code))
  assert.equal(code[16], orgCodeCheckChar('MB195021'))
  assert.equal(usccCheckChar(code.slice(0, 17)), code[17])
  assert.throws(() => makeUscc('11', '6209', 'MB195021'))
})

test('GB 11714 organisation code check character', () => {
  // 00001312-7 is the organisation code inside 11100000000013127D.
  assert.equal(orgCodeCheckChar('00001312'), '7')
})

test('every seeded department has a valid government-organ code of 玉门市', () => {
  for (const d of departments) {
    assert.ok(isValidUscc(d.creditCode), `${d.name}: ${d.creditCode}`)
    assert.ok(d.creditCode.startsWith('11620981'), `${d.name} should be an organ (11) of 620981`)
    assert.equal(d.creditCode[16], orgCodeCheckChar(d.creditCode.slice(8, 16)), `${d.name}: organisation code check`)
  }
})
