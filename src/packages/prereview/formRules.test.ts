import type { FormField, MaterialState, PrereviewDetail } from '../../../types/prereviews'
import { deliveryError, deliveryForPatch, fieldErrors, isReturnedPage, missingMaterials, stillReturned } from './formRules'

const field = (overrides: Partial<FormField>): FormField => ({ key: 'f', label: '字段', kind: 'text', required: true, ...overrides })

describe('fields', () => {
  it('says in Chinese what is wrong with each field, and nothing for a valid or empty optional one', () => {
    const form = [
      field({ key: 'name', label: '名称' }),
      field({ key: 'capital', label: '资金数额', kind: 'number' }),
      field({ key: 'born', label: '出生日期', kind: 'date' }),
      field({ key: 'level', label: '缴费档次', kind: 'select', options: ['60%', '100%'] }),
      field({ key: 'note', label: '备注', required: false, maxLength: 5 }),
      field({ key: 'purpose', label: '事由', required: false }),
    ]
    expect(fieldErrors(form, { name: ' ', capital: '十万', born: '2026/1/1', level: '80%', note: '超过五个字了' })).toEqual({
      name: '请填写名称',
      capital: '资金数额请填写数字',
      born: '出生日期请按“年-月-日”填写',
      level: '请从选项中选择缴费档次',
      note: '备注不能超过5字',
    })
    expect(fieldErrors(form, { name: '老王面馆', capital: '10.5', born: '2026-01-01', level: '100%', note: '无' })).toEqual({})
  })
})

describe('delivery', () => {
  it('needs a choice, and for mail an address of 5–200 characters; a short one is not sent yet', () => {
    expect(deliveryError(null)).toBe('请选择结果送达方式')
    expect(deliveryError({ mode: 'mail', address: '玉门' })).toContain('邮寄地址')
    expect(deliveryError({ mode: 'mail', address: '玉门市新市区迎宾路88号' })).toBeNull()
    expect(deliveryError({ mode: 'electronic' })).toBeNull()
    expect(deliveryForPatch({ mode: 'mail', address: '玉门' })).toEqual({ mode: 'mail' })
    expect(deliveryForPatch({ mode: 'mail', address: ' 玉门市新市区迎宾路88号 ' })).toEqual({ mode: 'mail', address: '玉门市新市区迎宾路88号' })
    expect(deliveryForPatch({ mode: 'hall', address: 'ignored' })).toEqual({ mode: 'hall' })
  })
})

function material(name: string, slot: Partial<MaterialState['slot']>, files: Array<{ round: number }> = []): MaterialState {
  return {
    slot: { key: name, name, issuer: '', required: true, acceptsTolerance: false, notes: '', template: null, sample: null, matterIds: [], ...slot },
    files: files as MaterialState['files'],
    earlierFiles: [],
    reviews: [],
    editable: true,
  }
}

describe('materials', () => {
  it('blocks on required materials without pages, but not on 容缺 or optional ones', () => {
    const { blocking, tolerable } = missingMaterials([
      material('身份证', {}),
      material('场所证明', { acceptsTolerance: true }),
      material('委托书', { required: false }),
      material('申请书', {}, [{ round: 1 }]),
    ])
    expect(blocking.map((m) => m.slot.name)).toEqual(['身份证'])
    expect(tolerable.map((m) => m.slot.name)).toEqual(['场所证明'])
  })

  it('in a correction, pages of the reviewed rounds are the returned ones until a new page is added', () => {
    const detail = { round: 1 } as PrereviewDetail
    expect(isReturnedPage(detail, { round: 1 })).toBe(true)
    expect(isReturnedPage(detail, { round: 2 })).toBe(false)
    const untouched = material('身份证', {}, [{ round: 1 }])
    const replaced = material('申请书', {}, [{ round: 1 }, { round: 2 }])
    expect(stillReturned(detail, [untouched, replaced]).map((m) => m.slot.name)).toEqual(['身份证'])
  })
})
