import type { Config } from '../../config'

export interface PaymentSettings {
  /** Payment starts per citizen per rolling hour. */
  startHourlyLimit: number
  /** How long one started WeChat Pay order stays payable (capped by the deadline). */
  attemptMinutes: number
  /** App pages the H5 cashier may return to. */
  returnPaths: string[]
  /** The app's H5 base the return path is appended to; '' = WeChat's default (back to the page that opened it). */
  h5ReturnBase: string
}

export function paymentSettings(config: Config): PaymentSettings {
  return {
    startHourlyLimit: config.PAYMENT_START_HOURLY_LIMIT,
    attemptMinutes: config.PAYMENT_ATTEMPT_MINUTES,
    returnPaths: config.PAYMENT_RETURN_PATHS.split(',').map((p) => p.trim()).filter(Boolean),
    h5ReturnBase: config.PAYMENT_H5_RETURN_BASE.replace(/\/+$/, ''),
  }
}
