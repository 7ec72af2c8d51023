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
import type { NotificationService } from './notifications/notificationService'
import { notificationServiceFromConfig } from './notifications/fromConfig'
import { AppointmentService } from './appointments/appointmentService'
import { AppointmentDesk } from './appointments/appointmentDesk'
import { SlotAdmin } from './appointments/slotAdmin'
import { appointmentSettings } from './appointments/settings'
import { FileUrlSigner } from './files/fileUrlSigner'
import { PrereviewFileService } from './files/prereviewFileService'
import { PrereviewService } from './prereviews/prereviewService'
import { PrereviewReview } from './prereviews/prereviewReview'
import { BundleService } from './catalog/bundleService'
import { RatingService } from './ratings/ratingService'
import { BadRatingDesk } from './ratings/badRatingDesk'
import { RatingStatisticsService } from './ratings/ratingStatistics'
import type { WechatPay } from '../integrations/wechatpay/client'
import { buildPaymentServices, paymentSettings, type PaymentServices } from './payments'
import { ComplaintService } from './complaints/complaintService'
import { ComplaintDesk } from './complaints/complaintDesk'
import { ComplaintPhotoService } from './complaints/complaintPhotoService'
import { AbuseLimits } from './limits/abuseLimits'

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
  appointments: AppointmentService
  appointmentDesk: AppointmentDesk
  slotAdmin: SlotAdmin
  /** Mints signed file URLs: only for files the caller may see. */
  signer: FileUrlSigner
  prereviewFiles: PrereviewFileService
  bundles: BundleService
  prereviews: PrereviewService
  prereviewReview: PrereviewReview
  /** Ratings (好差评): citizens and receipts, the 差评 loop, statistics. */
  ratings: RatingService
  badRatings: BadRatingDesk
  ratingStatistics: RatingStatisticsService
  /** WeChat Pay v3 client; null when payment is not configured. */
  wechatPay: WechatPay | null
  /** Fee orders, payment starts, WeChat Pay notifications, reconcile (services/payments). */
  payments: PaymentServices
  /** Complaints and suggestions (投诉建议): citizens, photos, the staff desk. */
  complaints: ComplaintService
  complaintPhotos: ComplaintPhotoService
  complaintDesk: ComplaintDesk
  /** Abuse limits (sign-in, uploads, payment starts) counted in the shared database. */
  limits: AbuseLimits
}

export interface ServiceDeps {
  config: Config
  database: Database
  storage: FileStorage
  wechat: WechatClient | null
  sms: SmsSender | null
  /** wechatPayFromConfig(config); omitted = payment not configured. */
  wechatPay?: WechatPay | null
  /** HMAC key of signed file URLs (fileUrlKey: the setting or the one kept in the database); omitted = FILE_URL_SECRET. */
  fileUrlKey?: string
}

export function buildServices({ config, database, storage, wechat, sms, wechatPay = null, fileUrlKey }: ServiceDeps): Services {
  const db = database.db
  const calendar = new CalendarService(db, parseOfficeHours(config.OFFICE_MORNING, config.OFFICE_AFTERNOON))
  // In-app always; WeChat subscribe messages and SMS as channels when their client and templates are configured.
  const notifications = notificationServiceFromConfig({ db, config, wechat, sms })
  const signer = new FileUrlSigner(fileUrlKey ?? config.FILE_URL_SECRET, config.FILE_URL_TTL_SECONDS)
  const uploadLimits = { maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxTotalBytes: config.UPLOAD_MAX_PREREVIEW_BYTES }
  const prereviews = new PrereviewService(db, calendar, signer, { reviewDays: config.PREREVIEW_REVIEW_DAYS, ...uploadLimits }, (tx, citizenId, ids) =>
    notifications.grantSubscriptions(tx, citizenId, ids),
  )
  const caseLookup = new CaseLookup(db, calendar, {
    maxFailures: config.LOOKUP_MAX_FAILURES,
    lockMinutes: config.LOOKUP_LOCK_MINUTES,
    hourlyLimitPerClient: config.LOOKUP_HOURLY_LIMIT_PER_CLIENT,
  })
  const complaintPhotos = new ComplaintPhotoService(db, signer, config.UPLOAD_MAX_FILE_BYTES)
  return {
    complaints: new ComplaintService(db, calendar, signer, complaintPhotos),
    complaintPhotos,
    complaintDesk: new ComplaintDesk(db, calendar, notifications, signer),
    ratings: new RatingService(db, calendar, caseLookup, { rectifyDays: config.RATING_RECTIFY_DAYS }),
    badRatings: new BadRatingDesk(db, calendar, notifications),
    ratingStatistics: new RatingStatisticsService(db),
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
    appointments: new AppointmentService(db, calendar, notifications, appointmentSettings(config)),
    appointmentDesk: new AppointmentDesk(db, notifications, appointmentSettings(config)),
    slotAdmin: new SlotAdmin(db, notifications, appointmentSettings(config)),
    caseLookup,
    signer,
    prereviewFiles: new PrereviewFileService(db, signer, {
      maxFileBytes: config.UPLOAD_MAX_FILE_BYTES,
      maxTotalBytes: config.UPLOAD_MAX_PREREVIEW_BYTES,
    }),
    bundles: new BundleService(db),
    prereviews,
    prereviewReview: new PrereviewReview(db, prereviews, notifications, signer, {
      claimMinutes: config.PREREVIEW_CLAIM_MINUTES,
      toleranceMaxDays: config.PREREVIEW_TOLERANCE_MAX_DAYS,
      ...uploadLimits,
    }),
    wechatPay,
    payments: buildPaymentServices(db, wechatPay, notifications, paymentSettings(config)),
    limits: new AbuseLimits(db, { smsHourlyLimitPerClient: config.SMS_HOURLY_LIMIT_PER_CLIENT, smsMaxAttempts: config.SMS_MAX_ATTEMPTS }),
  }
}
