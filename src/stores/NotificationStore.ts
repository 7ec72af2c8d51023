import { makeAutoObservable, runInAction } from 'mobx'
import type { Notification } from '../../types/notifications'
import type { Api } from '../api'
import { PagedList } from './PagedList'

export const NOTIFICATION_PAGE_SIZE = 20

/** The citizen's message centre (消息中心): messages, newest first, and how many are unread. */
export class NotificationStore {
  readonly list: PagedList<Notification>
  unread = 0

  constructor(private readonly api: Api) {
    this.list = new PagedList((page) =>
      api.notifications.list({ page, pageSize: NOTIFICATION_PAGE_SIZE }).then((result) => {
        runInAction(() => (this.unread = result.unread))
        return result
      }),
    )
    makeAutoObservable<NotificationStore, 'api'>(this, { api: false, list: false })
  }

  /** Only the unread count (for the 我的 tab); a failure keeps the last count — a badge is not worth an error. */
  refreshUnread(): Promise<void> {
    return this.api.notifications.list({ page: 1, pageSize: 1 }).then(
      (result) => runInAction(() => void (this.unread = result.unread)),
      () => undefined,
    )
  }

  markRead(id: string): Promise<void> {
    const item = this.list.items.find((n) => n.id === id)
    if (!item || item.read) return Promise.resolve()
    return this.api.notifications.markRead(id).then(() =>
      runInAction(() => {
        this.list.patch(id, { read: true })
        this.unread = Math.max(0, this.unread - 1)
      }),
    )
  }

  markAllRead(): Promise<void> {
    return this.api.notifications.markAllRead().then(() =>
      runInAction(() => {
        for (const item of this.list.items) if (!item.read) this.list.patch(item.id, { read: true })
        this.unread = 0
      }),
    )
  }

  reset(): void {
    this.list.reset()
    this.unread = 0
  }
}
