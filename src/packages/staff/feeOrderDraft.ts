import type { CreateFeeOrderRequest, FeeOrderItem } from '../../../types/payments'

/** One line as typed: the price in yuan (元, up to 2 decimals), how many, and the unit. */
export interface FeeLineDraft {
  name: string
  yuan: string
  quantity: string
  unit: string
}

export interface FeeOrderDraft {
  lines: FeeLineDraft[]
  /** 限缴日期 YYYY-MM-DD. */
  deadline: string
}

export interface FeeOrderErrors {
  /** Per line index. */
  lines?: Record<number, string>
  deadline?: string
  form?: string
}

const YUAN = /^(\d{1,7})(?:\.(\d{1,2}))?$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
/** The contract's bounds (types/payments.ts FeeOrderItem, CreateFeeOrderRequest). */
const MAX_UNIT_FEN = 100_000_000
const MAX_LINES = 20

/** "120.5" → 12050; null when it is not an amount of yuan with at most 2 decimals. No floating point. */
export function yuanToFen(text: string): number | null {
  const match = YUAN.exec(text.trim())
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** 12050 → "120.50", for prefilling a line from the matter's fee items. */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

export function lineFromItem(item: FeeOrderItem): FeeLineDraft {
  return { name: item.name, yuan: fenToYuan(item.unitFen), quantity: String(item.quantity), unit: item.unit }
}

export const emptyLine = (): FeeLineDraft => ({ name: '', yuan: '', quantity: '1', unit: '' })

/** The order's lines in fen, or the problems to show beside the inputs. `today` is China's date (YYYY-MM-DD). */
export function checkFeeOrder(draft: FeeOrderDraft, today: string): { items: FeeOrderItem[] } | { errors: FeeOrderErrors } {
  const errors: FeeOrderErrors = {}
  const lineErrors: Record<number, string> = {}
  const items: FeeOrderItem[] = []
  draft.lines.forEach((line, i) => {
    const name = line.name.trim()
    const unitFen = yuanToFen(line.yuan)
    const quantity = /^\d{1,4}$/.test(line.quantity.trim()) ? Number(line.quantity) : NaN
    if (!name || name.length > 60) lineErrors[i] = '请填写收费项目名称（1–60字）'
    else if (unitFen === null || unitFen < 1 || unitFen > MAX_UNIT_FEN) lineErrors[i] = '金额为大于0的元数，最多两位小数'
    else if (!(quantity >= 1 && quantity <= 1000)) lineErrors[i] = '数量为1–1000'
    else if (line.unit.trim().length > 10) lineErrors[i] = '单位最多10字'
    else items.push({ name, unitFen, quantity, unit: line.unit.trim() })
  })
  if (Object.keys(lineErrors).length) errors.lines = lineErrors
  if (draft.lines.length === 0) errors.form = '请至少填写一个收费项目'
  else if (draft.lines.length > MAX_LINES) errors.form = `一张缴款单最多${MAX_LINES}个收费项目`
  if (!DATE.test(draft.deadline)) errors.deadline = '请选择限缴日期'
  else if (draft.deadline < today) errors.deadline = '限缴日期不能早于今天'
  return Object.keys(errors).length ? { errors } : { items }
}

/** Sum of the lines in fen (for the total shown while typing); invalid lines count 0. */
export function draftTotalFen(draft: FeeOrderDraft): number {
  return draft.lines.reduce((sum, line) => {
    const fen = yuanToFen(line.yuan) ?? 0
    const qty = /^\d{1,4}$/.test(line.quantity.trim()) ? Number(line.quantity) : 0
    return sum + fen * qty
  }, 0)
}

/** A request key that stays the same across retries of one form (the server answers the same order). */
export function newClientKey(random: () => number = Math.random): string {
  let key = 'fee-'
  for (let i = 0; i < 20; i++) key += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  return key
}

export type CreateRequest = CreateFeeOrderRequest
