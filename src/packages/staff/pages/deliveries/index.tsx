import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import type { NotificationDeliveryStatus } from '../../../../../types/enums'
import { DELIVERY_STATUS_LABELS } from '../../../../components/notificationLabels'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { StaffListBody } from '../../components/StaffListBody'
import { useDeliveries } from '../../useDeliveries'
import { useStaffList } from '../../useStaffList'
import { DeliveryRow } from './DeliveryRow'
import './index.scss'

const FILTERS: Array<[NotificationDeliveryStatus | null, string]> = [
  [null, '全部'],
  ['failed', DELIVERY_STATUS_LABELS.failed],
  ['queued', DELIVERY_STATUS_LABELS.queued],
  ['sent', DELIVERY_STATUS_LABELS.sent],
]

/**
 * 消息发送记录 (admins): every WeChat subscribe message and SMS attempt,
 * newest first, with its status, attempts, last error and next retry. The
 * server refuses anyone but an admin; its sentence is shown as the error.
 */
const DeliveriesPage = observer(function DeliveriesPage() {
  const deliveries = useDeliveries()
  const { list } = deliveries
  const allowed = useStaffList(list)

  const body = allowed ? (
    <StaffListBody
      list={list}
      block="deliveries"
      empty={<EmptyState title="暂无发送记录" description="微信订阅消息和短信的发送情况会出现在这里。" />}
      total={(n) => `共 ${n} 条`}
      row={(item) => <DeliveryRow key={item.id} item={item} />}
    />
  ) : (
    <LoadState status="loading" />
  )

  return (
    <PageShell name="deliveries">
      <View className="deliveries__filters">
        {FILTERS.map(([status, label]) => (
          <Text
            key={label}
            className={`deliveries__chip${deliveries.status === status ? ' deliveries__chip--active' : ''}`}
            onClick={() => void deliveries.setStatus(status)}
          >
            {label}
          </Text>
        ))}
      </View>
      {body}
    </PageShell>
  )
})

export default DeliveriesPage
