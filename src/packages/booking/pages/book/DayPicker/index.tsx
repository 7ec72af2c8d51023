import { View, Text, ScrollView } from '@tarojs/components'
import type { AvailabilityDay } from '../../../../../../types/appointments'
import { DAY_STATUS_LABELS } from '../../../../../components/appointmentLabels'
import { monthDay, weekdayOf } from '../../../format'
import './index.scss'

interface DayPickerProps {
  days: AvailabilityDay[]
  chosen: string | null
  /** Days the citizen already holds a booking for this service. */
  bookedDates: string[]
  onChoose: (date: string) => void
}

/** The bookable days as the server lists them (holidays never appear), each with what is left. */
export function DayPicker({ days, chosen, bookedDates, onChoose }: DayPickerProps) {
  return (
    <ScrollView scrollX className="day-picker" enhanced showScrollbar={false}>
      {days.map((day) => {
        const state = bookedDates.includes(day.date)
          ? '已预约'
          : day.status === 'open'
            ? `余${day.remaining}`
            : DAY_STATUS_LABELS[day.status]
        const classes = ['day-picker__day', `day-picker__day--${day.status}`, day.date === chosen ? 'day-picker__day--chosen' : '']
        return (
          <View key={day.date} className={classes.filter(Boolean).join(' ')} onClick={() => onChoose(day.date)}>
            <Text className="day-picker__weekday">{weekdayOf(day.date)}</Text>
            <Text className="day-picker__date">{monthDay(day.date)}</Text>
            <Text className="day-picker__state">{state}</Text>
          </View>
        )
      })}
    </ScrollView>
  )
}
