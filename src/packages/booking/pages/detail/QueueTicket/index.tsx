import { View, Text } from '@tarojs/components'
import type { Appointment } from '../../../../../../types/appointments'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** 取号 after check-in: the queue number, large, and where to go once it is called. */
export function QueueTicket({ appointment: a }: { appointment: Appointment }) {
  return (
    <View className="card queue-ticket">
      <Text className="queue-ticket__label">您的排队号</Text>
      <Text className="queue-ticket__number">{a.queueNumber}</Text>
      {a.calledWindow ? (
        <Text className="queue-ticket__called">已叫号，请到 {a.calledWindow} 窗口办理</Text>
      ) : (
        <Text className="queue-ticket__wait">请留意大厅叫号{a.windowNumbers.length ? `，办理窗口：${a.windowNumbers.join('、')}` : ''}</Text>
      )}
      {a.checkedInAt ? <Text className="muted">签到时间 {formatDateTime(a.checkedInAt)}</Text> : null}
    </View>
  )
}
