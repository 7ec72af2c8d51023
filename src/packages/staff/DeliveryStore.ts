import { makeAutoObservable } from 'mobx'
import type { NotificationDeliveryStatus } from '../../../types/enums'
import type { NotificationDelivery } from '../../../types/notifications'
import { staffDeliveriesApi, type StaffDeliveriesApi } from '../../api/staffDeliveries'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'

export const DELIVERY_PAGE_SIZE = 20

/**
 * How the WeChat subscribe messages and SMS went (admins only; the server
 * refuses anyone else): every attempt newest first, or only one status —
 * 发送失败 is what an admin looks for. Built on first use by the staff
 * subpackage (`deliveriesOf`).
 */
export class DeliveryStore {
  /** null: every status. */
  status: NotificationDeliveryStatus | null = null
  readonly list: PagedList<NotificationDelivery>

  constructor(api: StaffDeliveriesApi) {
    this.list = new PagedList((page) => api.list({ page, pageSize: DELIVERY_PAGE_SIZE, status: this.status ?? undefined }))
    makeAutoObservable(this, { list: false })
  }

  setStatus(status: NotificationDeliveryStatus | null): Promise<void> {
    this.status = status
    return this.list.reload()
  }

  reset(): void {
    this.status = null
    this.list.reset()
  }
}

export function deliveriesOf(root: RootStore, client: StaffDeliveriesApi = staffDeliveriesApi): DeliveryStore {
  return root.feature('staffDeliveries', () => new DeliveryStore(client))
}
