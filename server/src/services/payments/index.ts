/** The payment services, wired together once per app. */
import type { Db } from '../../db/client'
import type { WechatPay } from '../../integrations/wechatpay/client'
import type { NotificationService } from '../notifications/notificationService'
import { FeeOrderService } from './feeOrderService'
import { PaymentNotificationHandler } from './paymentNotifications'
import { PaymentStarter } from './paymentStarter'
import { PaymentSync, type PaymentLog } from './paymentSync'
import type { PaymentSettings } from './settings'

export interface PaymentServices {
  feeOrders: FeeOrderService
  starter: PaymentStarter
  sync: PaymentSync
  notifications: PaymentNotificationHandler
}

export function buildPaymentServices(
  db: Db,
  wechatPay: WechatPay | null,
  notifications: NotificationService,
  settings: PaymentSettings,
  log?: PaymentLog,
): PaymentServices {
  // WeChat Pay errors carry codes and paths only (no keys, openids or amounts), so they may be logged.
  const sync = new PaymentSync(db, wechatPay, notifications, log ?? ((error, what) => console.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`)))
  const feeOrders = new FeeOrderService(db, wechatPay, sync, notifications)
  return {
    feeOrders,
    sync,
    starter: new PaymentStarter(db, wechatPay, feeOrders, sync, settings),
    notifications: new PaymentNotificationHandler(db, wechatPay, notifications),
  }
}

export { paymentSettings } from './settings'
export { startPaymentReconcile } from './reconcileJob'
