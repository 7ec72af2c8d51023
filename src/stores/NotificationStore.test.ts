import { apiError, testStore } from '../testing/fakeApi'
import { notification } from '../testing/fixtures'

it('loads messages with the unread count and marks one read', async () => {
  const { store, api } = testStore()
  const unread = notification()
  api.notifications.list.mockResolvedValue({ items: [unread, notification({ read: true })], unread: 1, page: 1, pageSize: 20, total: 2 })
  await store.notifications.list.reload()
  expect(store.notifications.unread).toBe(1)
  api.notifications.markRead.mockResolvedValue(undefined)
  await store.notifications.markRead(unread.id)
  expect(api.notifications.markRead).toHaveBeenCalledWith(unread.id)
  expect(store.notifications.list.items[0].read).toBe(true)
  expect(store.notifications.unread).toBe(0)
  await store.notifications.markRead(unread.id)
  expect(api.notifications.markRead).toHaveBeenCalledTimes(1)
})

it('marks every message read at once', async () => {
  const { store, api } = testStore()
  api.notifications.list.mockResolvedValue({
    items: [notification(), notification({ read: true }), notification()],
    unread: 2,
    page: 1,
    pageSize: 20,
    total: 3,
  })
  await store.notifications.list.reload()
  api.notifications.markAllRead.mockResolvedValue(undefined)
  await store.notifications.markAllRead()
  expect(api.notifications.markAllRead).toHaveBeenCalledTimes(1)
  expect(store.notifications.list.items.every((n) => n.read)).toBe(true)
  expect(store.notifications.unread).toBe(0)
})

it('keeps the badge when the count cannot be fetched', async () => {
  const { store, api } = testStore()
  api.notifications.list.mockResolvedValueOnce({ items: [], unread: 3, page: 1, pageSize: 1, total: 3 })
  await store.notifications.refreshUnread()
  expect(store.notifications.unread).toBe(3)
  api.notifications.list.mockRejectedValueOnce(apiError(0, '网络连接失败，请检查网络后重试'))
  await store.notifications.refreshUnread()
  expect(store.notifications.unread).toBe(3)
})
