/**
 * Numbers the payment path hands out. 缴款单号: 18 digits, the Shanghai date
 * then 10 random digits (unique index; a collision draws again). out_trade_no
 * is per WeChat Pay order; out_refund_no is derived from the paid payment's
 * out_trade_no, so a refund asked for twice is one refund at WeChat Pay.
 */
import { randomInt } from 'node:crypto'
import { shanghaiDate, SHANGHAI_OFFSET_MS } from '../../domain/calendar/shanghaiTime'

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')

export function newNoticeNumber(now: Date): string {
  return shanghaiDate(now).replaceAll('-', '') + digits(10)
}

/** P + yyyyMMddHHmmss (Shanghai) + 12 digits: 27 of WeChat Pay's allowed 6–32. */
export function newOutTradeNo(now: Date): string {
  const stamp = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '')
  return `P${stamp}${digits(12)}`
}

export const outRefundNoFor = (outTradeNo: string): string => `R${outTradeNo}`

/** ¥ with 2 decimals, for messages and step comments. */
export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`
