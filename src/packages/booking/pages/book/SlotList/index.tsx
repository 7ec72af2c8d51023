import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AvailabilityDay } from '../../../../../../types/appointments'
import { DAY_STATUS_LABELS } from '../../../../../components/appointmentLabels'
import { monthDay, weekdayOf } from '../../../format'
import './index.scss'

interface SlotListProps {
  day: AvailabilityDay
  chosenSlot: string | null
  /** The next day with room after a full one, to offer instead. */
  nextDateWithRoom: string | null
  onChoose: (slotId: string) => void
  onShowDay: (date: string) => void
}

/** The chosen day's slots with live remaining counts; a full, closed or unavailable day says so. */
export function SlotList({ day, chosenSlot, nextDateWithRoom, onChoose, onShowDay }: SlotListProps) {
  if (day.status !== 'open') {
    const why = day.status === 'closed' && day.closureReason ? `闭厅：${day.closureReason}` : `${monthDay(day.date)}${DAY_STATUS_LABELS[day.status]}`
    return (
      <View className="card slot-list slot-list--none">
        <Text className="slot-list__why">{why}</Text>
        {nextDateWithRoom ? (
          <Button type="primary" fill="outline" block onClick={() => onShowDay(nextDateWithRoom)}>
            看看最近可约的{monthDay(nextDateWithRoom)} {weekdayOf(nextDateWithRoom)}
          </Button>
        ) : null}
      </View>
    )
  }
  return (
    <View className="card slot-list">
      <Text className="card__title">选择时段</Text>
      <View className="slot-list__grid">
        {day.slots.map((slot) => {
          const full = slot.remaining === 0
          const classes = ['slot-list__slot', full ? 'slot-list__slot--full' : '', slot.id === chosenSlot ? 'slot-list__slot--chosen' : '']
          return (
            <View key={slot.id} className={classes.filter(Boolean).join(' ')} onClick={() => !full && onChoose(slot.id)}>
              <Text className="slot-list__time">
                {slot.startTime}–{slot.endTime}
              </Text>
              <Text className="slot-list__remaining">{full ? '已约满' : `剩余${slot.remaining}个`}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
