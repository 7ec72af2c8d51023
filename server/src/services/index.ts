import type { Config } from '../config'
import type { Database } from '../db/client'
import type { SmsSender } from '../integrations/sms/smsSender'
import type { WechatClient } from '../integrations/wechat/client'
import { SessionService } from './auth/sessionService'
import { SmsLogin } from './auth/smsLogin'
import { CatalogService } from './catalog/catalogService'
import { CitizenAccounts } from './citizens/citizenAccounts'
import type { FileStorage } from './documents/fileStorage'
import { parseOfficeHours } from '../domain/calendar'
import { CalendarService } from './calendar/calendarService'
import { CaseLookup } from './cases/caseLookup'
import { CaseService } from './cases/caseService'
import { NotificationService } from './notifications/notificationService'

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
  calendar: CalendarService
  notifications: NotificationService
  cases: CaseService
  caseLookup: CaseLookup
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
  const calendar = new CalendarService(db, parseOfficeHours(config.OFFICE_MORNING, config.OFFICE_AFTERNOON))
  // In-app only for now: WeChat subscribe messages and SMS plug in here as NotificationChannels.
  const notifications = new NotificationService(db, [])
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
    calendar,
    notifications,
    cases: new CaseService(db, calendar, notifications),
    caseLookup: new CaseLookup(db, calendar, {
      maxFailures: config.LOOKUP_MAX_FAILURES,
      lockMinutes: config.LOOKUP_LOCK_MINUTES,
      hourlyLimitPerClient: config.LOOKUP_HOURLY_LIMIT_PER_CLIENT,
    }),
  }
}
