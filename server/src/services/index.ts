import type { Config } from '../config'
import type { Database } from '../db/client'
import type { SmsSender } from '../integrations/sms/smsSender'
import type { WechatClient } from '../integrations/wechat/client'
import { SessionService } from './auth/sessionService'
import { SmsLogin } from './auth/smsLogin'
import { CatalogService } from './catalog/catalogService'
import { CitizenAccounts } from './citizens/citizenAccounts'
import type { FileStorage } from './documents/fileStorage'

/** Everything routes may call, built once per app with explicit dependencies. */
export interface Services {
  config: Config
  database: Database
  storage: FileStorage
  wechat: WechatClient | null
  sessions: SessionService
  smsLogin: SmsLogin
  citizens: CitizenAccounts
  catalog: CatalogService
}

export interface ServiceDeps {
  config: Config
  database: Database
  storage: FileStorage
  wechat: WechatClient | null
  sms: SmsSender | null
}

export function buildServices({ config, database, storage, wechat, sms }: ServiceDeps): Services {
  const db = database.db
  return {
    config,
    database,
    storage,
    wechat,
    sessions: new SessionService(db, { citizenHours: config.SESSION_TTL_HOURS, staffHours: config.STAFF_SESSION_TTL_HOURS }),
    smsLogin: new SmsLogin(db, sms, {
      codeTtlSeconds: config.SMS_CODE_TTL_SECONDS,
      resendSeconds: config.SMS_RESEND_SECONDS,
      dailyLimitPerPhone: config.SMS_DAILY_LIMIT_PER_PHONE,
      hourlyLimitPerClient: config.SMS_HOURLY_LIMIT_PER_CLIENT,
      maxAttempts: config.SMS_MAX_ATTEMPTS,
      templateCode: config.SMS_LOGIN_TEMPLATE,
    }),
    citizens: new CitizenAccounts(db),
    catalog: new CatalogService(db),
  }
}
