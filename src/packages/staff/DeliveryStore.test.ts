import type { NotificationDelivery } from '../../../types/notifications'
import { apiError, testStore } from '../../testing/fakeApi'
import { deliveriesOf } from './DeliveryStore'

function setup() {
  const { store, storage } = testStore()
  const client = { list: jest.fn() }
  return { store, storage, client, deliveries: deliveriesOf(store, client) }
}

const delivery = (over: Partial<NotificationDelivery> = {}): NotificationDelivery => ({
  id: '8b0c1d2e-0000-4000-8000-000000000001',
  notificationId: '8b0c1d2e-0000-4000-8000-000000000002',
  kind: 'ratingReply',
  channel: 'sms',
  status: 'failed',
  attempts: 1,
  lastErrorCode: 'isv.SMS_TEMPLATE_ILLEGAL',
  lastErrorMessage: '该账号下找不到对应模板',
  nextAttemptAt: null,
  phoneMasked: '139****0001',
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:01.000Z',
  ...over,
})

const page = (items: NotificationDelivery[]) => ({ items, page: 1, pageSize: 20, total: items.length })

it('lists every delivery, then only one status', async () => {
  const { client, deliveries } = setup()
  client.list.mockResolvedValue(page([delivery(), delivery({ id: '8b0c1d2e-0000-4000-8000-000000000003', status: 'sent' })]))
  await deliveries.list.reload()
  expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, status: undefined })
  expect(deliveries.list.items).toHaveLength(2)
  client.list.mockResolvedValue(page([delivery()]))
  await deliveries.setStatus('failed')
  expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, status: 'failed' })
  expect(deliveries.list.items.map((d) => d.status)).toEqual(['failed'])
})

it('shows the server’s refusal (not an admin) as the list’s error', async () => {
  const { client, deliveries } = setup()
  client.list.mockRejectedValue(apiError(403, '仅系统管理员可查看消息发送记录'))
  await deliveries.list.reload()
  expect(deliveries.list.status).toBe('error')
  expect(deliveries.list.error).toBe('仅系统管理员可查看消息发送记录')
})

it('is one store per root and forgets its filter on reset', async () => {
  const { store, client, deliveries } = setup()
  client.list.mockResolvedValue(page([]))
  await deliveries.setStatus('queued')
  expect(deliveriesOf(store, client)).toBe(deliveries)
  deliveries.reset()
  expect(deliveries.status).toBeNull()
  expect(deliveries.list.items).toEqual([])
})
