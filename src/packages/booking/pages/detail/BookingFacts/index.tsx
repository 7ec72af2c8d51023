import { View, Text } from '@tarojs/components'
import type { Appointment } from '../../../../../../types/appointments'
import { APPOINTMENT_STATUS_LABELS, CANCEL_KIND_LABELS } from '../../../../../components/appointmentLabels'
import { FlagTag, type FlagTone } from '../../../../../components/FlagTag'
import { formatDateTime } from '../../../../../components/format'
import { visitLabel } from '../../../format'
import './index.scss'

const TONES: Record<Appointment['status'], FlagTone> = {
  booked: 'primary',
  checkedIn: 'success',
  served: 'success',
  cancelled: 'neutral',
  noShow: 'danger',
}

/** What, where and when, and what became of the booking. */
export function BookingFacts({ appointment: a }: { appointment: Appointment }) {
  const ended =
    a.status === 'cancelled'
      ? `${a.cancelKind ? CANCEL_KIND_LABELS[a.cancelKind] : '已取消'}${a.cancelledAt ? ` · ${formatDateTime(a.cancelledAt)}` : ''}${a.cancelReason ? ` · ${a.cancelReason}` : ''}`
      : a.status === 'served' && a.servedAt
        ? `办理完成 · ${formatDateTime(a.servedAt)}`
        : a.status === 'noShow'
          ? '预约时段内未签到，已记为爽约'
          : null
  return (
    <View className="card booking-facts">
      <View className="booking-facts__head">
        <Text className="booking-facts__matter">{a.matter.name}</Text>
        <FlagTag tone={TONES[a.status]} solid>
          {APPOINTMENT_STATUS_LABELS[a.status]}
        </FlagTag>
      </View>
      <Text className="booking-facts__when">{visitLabel(a.date, a.startTime, a.endTime)}</Text>
      <Text className="booking-facts__line">{a.hall.name}</Text>
      <Text className="booking-facts__line muted">{a.hall.address}</Text>
      {a.windowNumbers.length ? <Text className="booking-facts__line muted">办理窗口：{a.windowNumbers.join('、')}</Text> : null}
      <Text className="booking-facts__line muted">{a.department.name}</Text>
      {ended ? <Text className="booking-facts__ended">{ended}</Text> : null}
    </View>
  )
}
