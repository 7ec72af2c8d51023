/**
 * Entry point: validate configuration, open the database (embedded PGlite
 * unless DATABASE_URL is set), migrate, optionally seed the demo city, listen.
 */
import { join } from 'node:path'
import { buildApp } from './app'
import type { Config } from './config'
import { loggableError } from './errors'
import { openDatabase } from './db/client'
import { embeddedDatabaseNotice } from './db/embedded/durability'
import { migrateDatabase } from './db/migrate'
import { seedDemoCity } from './db/seed/seedDemoCity'
import { smsFromConfig, wechatFromConfig, wechatPayFromConfig } from './integrations/fromConfig'
import { LocalFileStorage } from './services/documents/fileStorage'
import { fileUrlKey } from './services/files/fileUrlKey'
import { removeSpentRecords, removeUnattachedComplaintPhotos } from './services/housekeeping'
import { startReminderJob } from './services/appointments/reminderJob'
import { remindTolerancePromises } from './services/cases/toleranceReminders'
import { applyDefaultRatings } from './services/ratings/defaultRatings'
import { notificationChannels, startNotificationRetries } from './services/notifications/fromConfig'
import { startPaymentReconcile } from './services/payments'
import { chineseDaysCalendarInput, WorkdayCalendar } from './domain/calendar'

const HOUSEKEEPING_INTERVAL_MS = 3_600_000

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') })
  try {
    await migrateDatabase(database)
    // With several instances FILE_DIR is one shared mount: a file stored by one is served by all.
    const storage = new LocalFileStorage(config.FILE_DIR || join(config.DATA_DIR, 'files'))
    if (config.SEED_DEMO) {
      const { demoCity } = await import('../../mock/seed/city')
      await seedDemoCity(database.db, storage, demoCity)
    }
    const wechat = wechatFromConfig(config)
    const sms = smsFromConfig(config)
    const app = await buildApp({
      config,
      database,
      storage,
      wechat,
      sms,
      wechatPay: wechatPayFromConfig(config),
      fileUrlKey: await fileUrlKey(database.db, config.FILE_URL_SECRET),
    })
    const channels = notificationChannels({ config, wechat, sms }).map((c) => c.name)
    app.log.info(`notification channels: in-app${channels.map((c) => `, ${c}`).join('')}`)
    if (!config.DATABASE_URL) app.log.warn(`database: ${embeddedDatabaseNotice(join(config.DATA_DIR, 'pglite'))}`)
    // Published years come from the State Council notices in the package, not from admin rows.
    const calendarWarning = new WorkdayCalendar(chineseDaysCalendarInput()).missingNextYearWarning(new Date())
    if (calendarWarning) app.log.warn(calendarWarning)
    const url = await app.listen({ host: config.HOST, port: config.PORT })
    const housekeeping = setInterval(() => {
      removeSpentRecords(database.db).catch((error) => app.log.warn(loggableError(error), 'housekeeping failed'))
      removeUnattachedComplaintPhotos(database.db).catch((error) => app.log.warn(loggableError(error), 'complaint photo sweep failed'))
      // Uploads cut off by a crash leave staged bytes; a live upload never takes an hour.
      storage.removeStaleStaging(new Date(Date.now() - HOUSEKEEPING_INTERVAL_MS)).catch((error) => app.log.warn(loggableError(error), 'staging cleanup failed'))
    }, HOUSEKEEPING_INTERVAL_MS)
    housekeeping.unref()
    const stopReminders = startReminderJob(app.services, config.APPOINTMENT_REMINDER_INTERVAL_SECONDS, app.log)
    // Every job below runs on every instance: each claims its rows in the database (see README "Running several instances").
    const reminders =
      config.TOLERANCE_REMINDER_INTERVAL_SECONDS > 0
        ? setInterval(() => {
            remindTolerancePromises(database.db, app.services.notifications).catch((error) => app.log.warn(loggableError(error), 'tolerance reminders failed'))
          }, config.TOLERANCE_REMINDER_INTERVAL_SECONDS * 1000)
        : null
    reminders?.unref()
    // 系统默认好评: idempotent (INSERT … ON CONFLICT DO NOTHING), so every instance may run it.
    const defaultRatings =
      config.RATING_DEFAULT_INTERVAL_SECONDS > 0
        ? setInterval(() => {
            applyDefaultRatings(database.db).catch((error) => app.log.warn(loggableError(error), 'default ratings failed'))
          }, config.RATING_DEFAULT_INTERVAL_SECONDS * 1000)
        : null
    defaultRatings?.unref()
    // Late/lost WeChat Pay notifications, expired orders, refunds: safe on every instance at once.
    const stopPaymentReconcile = startPaymentReconcile(app.services.payments.sync, config.PAYMENT_RECONCILE_INTERVAL_SECONDS, app.log)
    const stopRetries = startNotificationRetries({ db: database.db, config, wechat, sms }, (error) =>
      app.log.warn(loggableError(error), 'notification retries failed'),
    )
    return {
      url,
      async close() {
        clearInterval(housekeeping)
        stopReminders()
        if (reminders) clearInterval(reminders)
        if (defaultRatings) clearInterval(defaultRatings)
        stopRetries()
        stopPaymentReconcile()
        await app.close()
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
