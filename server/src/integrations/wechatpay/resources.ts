/**
 * WeChat Pay's snake_case order and refund objects → the client's camelCase
 * types, validated: a field of the wrong type is `malformed`, never a guess.
 */
import { WechatPayVerificationError } from './errors'
import type { RefundStatus, TradeState, WechatPayRefund, WechatPayTransaction } from './client'

const TRADE_STATES: readonly TradeState[] = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']
const REFUND_STATUSES: readonly RefundStatus[] = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']

type Obj = Record<string, unknown>

function bad(what: string): never {
  throw new WechatPayVerificationError('malformed', what)
}
const str = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : bad(k))
const optStr = (o: Obj, k: string): string | null => (o[k] === undefined || o[k] === null || o[k] === '' ? null : typeof o[k] === 'string' ? (o[k] as string) : bad(k))
const fen = (o: Obj, k: string): number => (Number.isSafeInteger(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : bad(k))
const optFen = (o: Obj, k: string): number | null => (o[k] === undefined || o[k] === null ? null : fen(o, k))
const obj = (o: Obj, k: string): Obj => (o[k] && typeof o[k] === 'object' && !Array.isArray(o[k]) ? (o[k] as Obj) : bad(k))

/** An order from queryOrder or a TRANSACTION.SUCCESS resource. */
export function toTransaction(raw: Obj): WechatPayTransaction {
  const amount = obj(raw, 'amount')
  const tradeState = str(raw, 'trade_state') as TradeState
  if (!TRADE_STATES.includes(tradeState)) bad('trade_state')
  // A paid order without its total would be unverifiable: refuse it rather than guess.
  if ((tradeState === 'SUCCESS' || tradeState === 'REFUND') && typeof amount.total !== 'number') bad('amount.total')
  const payer = raw.payer && typeof raw.payer === 'object' ? (raw.payer as Obj) : {}
  return {
    appId: str(raw, 'appid'),
    mchId: str(raw, 'mchid'),
    outTradeNo: str(raw, 'out_trade_no'),
    transactionId: optStr(raw, 'transaction_id'),
    tradeType: optStr(raw, 'trade_type') as WechatPayTransaction['tradeType'],
    tradeState,
    tradeStateDesc: optStr(raw, 'trade_state_desc') ?? '',
    successTime: optStr(raw, 'success_time'),
    payerOpenid: optStr(payer, 'openid'),
    totalFen: optFen(amount, 'total'),
    payerTotalFen: optFen(amount, 'payer_total'),
    currency: optStr(amount, 'currency') ?? 'CNY',
    attach: optStr(raw, 'attach'),
  }
}

/** A refund from refund/queryRefund (`status`) or a REFUND.* resource (`refund_status`). */
export function toRefund(raw: Obj): WechatPayRefund {
  const amount = obj(raw, 'amount')
  const status = (typeof raw.status === 'string' ? raw.status : str(raw, 'refund_status')) as RefundStatus
  if (!REFUND_STATUSES.includes(status)) bad('status')
  return {
    outRefundNo: str(raw, 'out_refund_no'),
    refundId: str(raw, 'refund_id'),
    outTradeNo: str(raw, 'out_trade_no'),
    transactionId: str(raw, 'transaction_id'),
    status,
    successTime: optStr(raw, 'success_time'),
    userReceivedAccount: optStr(raw, 'user_received_account'),
    refundFen: fen(amount, 'refund'),
    totalFen: fen(amount, 'total'),
    payerRefundFen: optFen(amount, 'payer_refund'),
  }
}
