/**
 * The abuse limits of the API, per client (hash of the client address, the
 * real one behind the proxy when TRUST_PROXY is set) and per target (a phone,
 * a citizen, a fee order). Numbers are set well above what a real citizen
 * does — 30 pages of materials in ten minutes pass easily — and, per client,
 * for a service hall where many people share one address. Server README,
 * "Abuse limits", has the full table (SMS sending and anonymous lookup keep
 * their own counters in their services).
 */
import type { Db } from '../../db/client'
import { clientKeyOf } from '../cases/caseLookup'
import { RateLimiter, type LimitRule } from './rateLimiter'

const MINUTES = 60
const HOUR = 3600

export interface AbuseLimitSettings {
  /** SMS codes a client may request per hour, and wrong tries per code: sign-in tries per client follow from them. */
  smsHourlyLimitPerClient: number
  smsMaxAttempts: number
}

export function abuseRules(s: AbuseLimitSettings) {
  const signIn = '登录尝试过于频繁'
  return {
    smsSignInPerPhone: { name: 'sign-in:sms:phone', limit: 20, windowSeconds: HOUR, refusal: signIn },
    // Every code a client may request, tried as often as a code allows: more is guessing.
    smsSignInPerClient: { name: 'sign-in:sms:client', limit: s.smsHourlyLimitPerClient * s.smsMaxAttempts, windowSeconds: HOUR, refusal: signIn },
    wechatSignInPerClient: { name: 'sign-in:wechat:client', limit: 120, windowSeconds: 10 * MINUTES, refusal: '登录过于频繁' },
    staffSignInPerClient: { name: 'sign-in:staff:client', limit: 60, windowSeconds: 10 * MINUTES, refusal: signIn },
    prereviewPagePerCitizen: { name: 'upload:prereview:citizen', limit: 120, windowSeconds: 10 * MINUTES, refusal: '上传过于频繁' },
    prereviewPagePerClient: { name: 'upload:prereview:client', limit: 300, windowSeconds: 10 * MINUTES, refusal: '上传过于频繁' },
    complaintPhotoPerCitizen: { name: 'upload:complaint-photo:citizen', limit: 30, windowSeconds: 10 * MINUTES, refusal: '上传照片过于频繁' },
    complaintPhotoPerClient: { name: 'upload:complaint-photo:client', limit: 100, windowSeconds: 10 * MINUTES, refusal: '上传照片过于频繁' },
    paymentStartPerFeeOrder: { name: 'payment:start:fee-order', limit: 5, windowSeconds: 10 * MINUTES, refusal: '该缴款单发起支付过于频繁' },
    paymentStartPerClient: { name: 'payment:start:client', limit: 100, windowSeconds: 10 * MINUTES, refusal: '发起支付过于频繁' },
  } satisfies Record<string, LimitRule>
}

export type AbuseRules = ReturnType<typeof abuseRules>

/** One call per limited action, from its route: counts the request, or throws 429 with Retry-After. */
export class AbuseLimits {
  readonly rules: AbuseRules
  private readonly limiter: RateLimiter

  constructor(db: Db, settings: AbuseLimitSettings) {
    this.rules = abuseRules(settings)
    this.limiter = new RateLimiter(db)
  }

  smsSignIn(phone: string, ip: string): Promise<void> {
    const r = this.rules
    return this.limiter.take([
      { rule: r.smsSignInPerPhone, subject: phone },
      { rule: r.smsSignInPerClient, subject: clientKeyOf(ip) },
    ])
  }

  wechatSignIn(ip: string): Promise<void> {
    return this.limiter.take([{ rule: this.rules.wechatSignInPerClient, subject: clientKeyOf(ip) }])
  }

  /** Per account, the lockout in staffLogin applies as well. */
  staffSignIn(ip: string): Promise<void> {
    return this.limiter.take([{ rule: this.rules.staffSignInPerClient, subject: clientKeyOf(ip) }])
  }

  prereviewPage(citizenId: string, ip: string): Promise<void> {
    const r = this.rules
    return this.limiter.take([
      { rule: r.prereviewPagePerCitizen, subject: citizenId },
      { rule: r.prereviewPagePerClient, subject: clientKeyOf(ip) },
    ])
  }

  complaintPhoto(citizenId: string, ip: string): Promise<void> {
    const r = this.rules
    return this.limiter.take([
      { rule: r.complaintPhotoPerCitizen, subject: citizenId },
      { rule: r.complaintPhotoPerClient, subject: clientKeyOf(ip) },
    ])
  }

  /** Per citizen, the hourly PAYMENT_START_HOURLY_LIMIT in the payment starter applies as well. */
  paymentStart(feeOrderId: string, ip: string): Promise<void> {
    const r = this.rules
    return this.limiter.take([
      { rule: r.paymentStartPerFeeOrder, subject: feeOrderId },
      { rule: r.paymentStartPerClient, subject: clientKeyOf(ip) },
    ])
  }
}
