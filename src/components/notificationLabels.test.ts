import { NOTIFICATION_CHANNELS, NOTIFICATION_DELIVERY_STATUSES, NOTIFICATION_KINDS } from '../../types/enums'
import { DELIVERY_STATUS_LABELS, NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_KIND_LABELS, kindLabel } from './notificationLabels'

it('copies the contract’s notification labels exactly', () => {
  expect(NOTIFICATION_KIND_LABELS).toEqual(NOTIFICATION_KINDS)
  expect(NOTIFICATION_CHANNEL_LABELS).toEqual(NOTIFICATION_CHANNELS)
  expect(DELIVERY_STATUS_LABELS).toEqual(NOTIFICATION_DELIVERY_STATUSES)
})

it('labels a known kind and leaves none or an unknown one blank', () => {
  expect(kindLabel('paymentDue')).toBe('缴费提醒')
  expect(kindLabel(null)).toBe('')
  expect(kindLabel('somethingNew')).toBe('')
})
