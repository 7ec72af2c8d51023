import type { FastifyBaseLogger } from 'fastify'
import { loggableError } from '../../errors'
import type { PaymentSync } from './paymentSync'

/**
 * Runs the payment reconcile (late or lost notifications, expired orders,
 * refunds of refused cases, refunds still processing) every `intervalSeconds`
 * (0: not on this instance). Safe on several instances at once. One run at a
 * time per process; returns the stop function.
 */
export function startPaymentReconcile(sync: PaymentSync, intervalSeconds: number, log: FastifyBaseLogger): () => void {
  if (intervalSeconds <= 0) return () => {}
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    sync
      .reconcile()
      .then((r) => {
        if (r.settled + r.expired + r.refundsStarted + r.refundsSettled > 0) log.info(r, 'payments reconciled')
      })
      .catch((error) => log.warn(loggableError(error), 'payment reconcile failed'))
      .finally(() => {
        running = false
      })
  }, intervalSeconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
