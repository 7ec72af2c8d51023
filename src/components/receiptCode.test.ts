import { encodeReceiptCode, parseReceiptCode } from './receiptCode'

it('reads back what the receipt encodes', () => {
  const code = encodeReceiptCode({ number: 'YM20261122000001', password: '4821' })
  expect(code).toBe('PYC1:YM20261122000001:4821')
  expect(parseReceiptCode(` ${code}\n`)).toEqual({ number: 'YM20261122000001', password: '4821' })
})

it('refuses anything that is not our receipt', () => {
  expect(parseReceiptCode('https://example.com')).toBeNull()
  expect(parseReceiptCode('PYC1:onlynumber')).toBeNull()
  expect(parseReceiptCode('PYC1::1234')).toBeNull()
  expect(parseReceiptCode('PYC1:YM1:')).toBeNull()
})
