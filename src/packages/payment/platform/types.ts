import type { PayMethod } from '../../../../types/enums'
import type { MiniProgramPayParams } from '../../../../types/payments'

/** What WeChat's pay sheet answered: paid (still to be confirmed by the server), closed by the citizen, or failed. */
export type SheetOutcome = 'done' | 'cancelled' | 'failed'

/** How this device pays; one implementation per platform (pay.weapp.ts, pay.h5.ts). */
export interface PayChannel {
  /** jsapi in the mini-program; h5 in a phone browser; native (QR) on a desktop. */
  method(): PayMethod
  /** jsapi: WeChat's pay sheet with the server-signed params. */
  requestPayment(params: MiniProgramPayParams): Promise<SheetOutcome>
  /** h5: leaves the app for WeChat's cashier, which returns to the result page. */
  openCashier(url: string): void
}
