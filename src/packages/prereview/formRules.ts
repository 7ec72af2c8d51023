/**
 * What the citizen sees before sending anything: field errors in Chinese and
 * the materials still missing. The server checks the same again; these only
 * spare a round trip and tell the citizen what to do.
 */
import type { DeliveryChoice, FormField, MaterialState, PrereviewDetail } from '../../../types/prereviews'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const NUMBER = /^-?\d+(\.\d+)?$/
/** The contract's bound on every field value (PrereviewDraftPatch). */
export const FIELD_MAX = 2000
export const ADDRESS_MIN = 5
export const ADDRESS_MAX = 200

export function fieldError(field: FormField, raw: string | undefined): string | null {
  const value = (raw ?? '').trim()
  if (!value) return field.required ? `请填写${field.label}` : null
  const max = Math.min(field.maxLength ?? FIELD_MAX, FIELD_MAX)
  if (value.length > max) return `${field.label}不能超过${max}字`
  if (field.kind === 'number' && !NUMBER.test(value)) return `${field.label}请填写数字`
  if (field.kind === 'date' && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) return `${field.label}请按“年-月-日”填写`
  if (field.kind === 'select' && field.options && !field.options.includes(value)) return `请从选项中选择${field.label}`
  return null
}

/** key → message, for every field that is wrong now. */
export function fieldErrors(form: FormField[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const field of form) {
    const message = fieldError(field, values[field.key])
    if (message) errors[field.key] = message
  }
  return errors
}

export function deliveryError(delivery: DeliveryChoice | null): string | null {
  if (!delivery) return '请选择结果送达方式'
  if (delivery.mode !== 'mail') return null
  const length = (delivery.address ?? '').trim().length
  return length < ADDRESS_MIN || length > ADDRESS_MAX ? `请填写邮寄地址（${ADDRESS_MIN}–${ADDRESS_MAX}字）` : null
}

/** The delivery as PATCH may carry it: an address still being typed is not sent (the contract wants 5–200). */
export function deliveryForPatch(delivery: DeliveryChoice | null): DeliveryChoice | undefined {
  if (!delivery) return undefined
  if (delivery.mode !== 'mail') return { mode: delivery.mode }
  const address = (delivery.address ?? '').trim()
  return address.length >= ADDRESS_MIN && address.length <= ADDRESS_MAX ? { mode: 'mail', address } : { mode: 'mail' }
}

/** Required materials without a page, split into those that block submission and those that may come later (容缺). */
export function missingMaterials(materials: MaterialState[]): { blocking: MaterialState[]; tolerable: MaterialState[] } {
  const empty = materials.filter((m) => m.slot.required && m.files.length === 0)
  return {
    blocking: empty.filter((m) => !m.slot.acceptsTolerance),
    tolerable: empty.filter((m) => m.slot.acceptsTolerance),
  }
}

/** Materials a reviewer returned in the latest reviewed round: the only ones a correction asks for. */
export function returnedMaterials(detail: PrereviewDetail): MaterialState[] {
  return detail.materials.filter((m) => m.reviews.some((review) => review.verdict === 'return'))
}

/**
 * During 补正, pages of the reviewed rounds (round ≤ the pre-review's round)
 * are the ones the reviewer saw and returned; pages attached since carry the
 * next round and replace them on resubmission (the server's rule).
 */
export function isReturnedPage(detail: Pick<PrereviewDetail, 'round'>, file: { round: number }): boolean {
  return file.round <= detail.round
}

/** Returned materials that have no new page yet: resubmitting would be refused. */
export function stillReturned(detail: PrereviewDetail, materials: MaterialState[]): MaterialState[] {
  return materials.filter((material) => !material.files.some((file) => !isReturnedPage(detail, file)))
}
