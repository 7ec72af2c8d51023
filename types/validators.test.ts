/**
 * The shared validators decide what the app lets through before any request
 * and what the server refuses. Valid numbers below were computed by hand from
 * GB 11643 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check chars 10X98765432).
 */
import {
  checkResidentId,
  isMobile,
  maskName,
  maskPhone,
  maskResidentId,
  RESIDENT_ID_MESSAGES,
} from './validators'

const TODAY = new Date(Date.UTC(2025, 5, 1))

describe('checkResidentId', () => {
  it.each([
    ['11010519491231002X', 'check character X'],
    ['11010519491231002x', 'lower-case x is accepted'],
    ['510108197809120030', 'check digit 0'],
    ['620982199003071235', 'Yumen region code'],
    ['620982200002294563', 'leap day of 2000 (divisible by 400)'],
    ['110101199602290016', 'leap day of 1996'],
    [' 320583198706153412 ', 'surrounding spaces'],
  ])('accepts %s (%s)', (id) => {
    expect(checkResidentId(id, TODAY)).toBeNull()
  })

  it.each([
    ['11010519491231002', 'format', '17 characters'],
    ['1101051949123100211', 'format', '19 characters'],
    ['110105194912310', 'format', 'old 15-digit number'],
    ['1101051949123100A2', 'format', 'letter in the body'],
    ['X10105194912310029', 'format', 'X not at the end'],
    ['000105194912310020', 'region', 'region 00'],
    ['990105194912310020', 'region', 'region 99'],
    ['110101199702290011', 'birthDate', '29 Feb in a common year'],
    ['110101190002290015', 'birthDate', '29 Feb 1900 (century, not leap)'],
    ['110101199013010012', 'birthDate', 'month 13'],
    ['110101199004310016', 'birthDate', '31 April'],
    ['110101189912310019', 'birthDate', 'before 1900'],
    ['110101203001010010', 'birthDate', 'born in the future'],
    ['110105194912310021', 'checksum', 'wrong check digit'],
    ['320583198706153413', 'checksum', 'off by one'],
    ['620982199003071230', 'checksum', 'digit where X or another digit belongs'],
  ])('rejects %s as %s (%s)', (id, problem) => {
    expect(checkResidentId(id, TODAY)).toBe(problem)
  })

  it('checks the birth date against the given day', () => {
    expect(checkResidentId('620982200002294563', new Date(Date.UTC(2000, 1, 28)))).toBe('birthDate')
    expect(checkResidentId('620982200002294563', new Date(Date.UTC(2000, 1, 29)))).toBeNull()
  })

  it('has a Chinese message for every problem', () => {
    for (const problem of ['format', 'region', 'birthDate', 'checksum'] as const) {
      expect(RESIDENT_ID_MESSAGES[problem]).toMatch(/身份证号/)
    }
  })
})

describe('isMobile', () => {
  it.each(['13800138000', '19912345678', '16612345678', ' 13800138000 '])('accepts %p', (phone) => {
    expect(isMobile(phone)).toBe(true)
  })

  it.each(['12345678901', '10012345678', '1380013800', '138001380001', '138-0013-8000', '+8613800138000', ''])(
    'rejects %p',
    (phone) => {
      expect(isMobile(phone)).toBe(false)
    },
  )
})

describe('masking', () => {
  it('masks the middle four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('1381234567')).toBe('***')
  })

  it('hides the birth date and sequence of a resident ID', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X')
    expect(maskResidentId('11010519491231002X')).not.toContain('19491231')
    expect(maskResidentId('123')).toBe('***')
  })

  it('keeps only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('王')).toBe('王*')
    expect(maskName('  ')).toBe('')
  })
})
