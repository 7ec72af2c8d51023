import type { FastifyBaseLogger } from 'fastify'
import type { Services } from '..'
import { loggableError } from '../../errors'
import { sendAppointmentReminders } from './reminders'
import { appointmentSettings } from './settings'

/**
 * Runs the appointment reminders every `intervalSeconds` (0: never, e.g. when
 * another instance runs them; running them on several is also safe). One run
 * at a time per process; returns the stop function.
 */
export function startReminderJob(services: Services, intervalSeconds: number, log: FastifyBaseLogger): () => void {
  if (intervalSeconds <= 0) return () => {}
  const settings = appointmentSettings(services.config)
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sendAppointmentReminders(services.database.db, services.notifications, settings)
      .then((sent) => {
        if (sent.dayBefore + sent.soon > 0) log.info(sent, 'appointment reminders sent')
      })
      .catch((error) => log.warn(loggableError(error), 'appointment reminders failed'))
      .finally(() => {
        running = false
      })
  }, intervalSeconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
