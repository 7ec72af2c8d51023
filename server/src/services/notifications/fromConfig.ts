import type { Config } from '../../config'
import type { Db } from '../../db/client'
import type { SmsSender } from '../../integrations/sms/smsSender'
import type { WechatClient } from '../../integrations/wechat/client'
import { SmsChannel, WechatSubscribeChannel, type NotificationChannel } from './channels'
import { NotificationDeliveries } from './deliveries'
import { NotificationService } from './notificationService'
import { templatesFromConfig } from './templateConfig'

export interface NotificationDeps {
  db: Db
  config: Config
  /** null = not configured: that channel is off. */
  wechat: WechatClient | null
  sms: SmsSender | null
}

/** WeChat subscribe messages first (they cost nothing and the citizen asked for them), then SMS. */
export function notificationChannels({ config, wechat, sms }: Omit<NotificationDeps, 'db'>): NotificationChannel[] {
  const templates = templatesFromConfig(config)
  const channels: NotificationChannel[] = []
  if (wechat && Object.keys(templates.wechat).length > 0) channels.push(new WechatSubscribeChannel(wechat, templates))
  if (sms && Object.keys(templates.sms).length > 0) channels.push(new SmsChannel(sms, templates))
  return channels
}

const deliveryOptions = (config: Config) => ({
  maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
  retryBaseMs: config.NOTIFICATION_RETRY_BASE_SECONDS * 1000,
})

export function notificationServiceFromConfig(deps: NotificationDeps): NotificationService {
  return new NotificationService(deps.db, notificationChannels(deps), { templates: templatesFromConfig(deps.config), delivery: deliveryOptions(deps.config) })
}

/** The retry job's engine: the same channels, for server.ts's timer and for tests. */
export function notificationDeliveriesFromConfig(deps: NotificationDeps): NotificationDeliveries {
  return new NotificationDeliveries(deps.db, notificationChannels(deps), deliveryOptions(deps.config))
}

/** Runs the retry job every NOTIFICATION_RETRY_INTERVAL_SECONDS; returns a stop function. */
export function startNotificationRetries(deps: NotificationDeps, onError: (err: unknown) => void): () => void {
  const deliveries = notificationDeliveriesFromConfig(deps)
  if (deliveries.channels.length === 0) return () => {}
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    deliveries
      .runDue()
      .catch(onError)
      .finally(() => {
        running = false
      })
  }, deps.config.NOTIFICATION_RETRY_INTERVAL_SECONDS * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
