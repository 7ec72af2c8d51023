import { View, Text, Picker } from '@tarojs/components'
import type { StaffDayView } from '../../../../../../types/appointments'
import type { Hall } from '../../../../../../types/catalog'
import { shiftDate } from '../../../dates'
import './index.scss'

interface DayHeaderProps {
  halls: Hall[]
  hallId: string | null
  windows: string[]
  windowNumber: string | null
  date: string
  today: string
  day: StaffDayView | null
  onHall: (hallId: string) => void
  onWindow: (windowNumber: string | null) => void
  onDate: (date: string) => void
}

/** Which hall, window and day; then the day's counts as the server gives them. */
export function DayHeader({ halls, hallId, windows, windowNumber, date, today, day, onHall, onWindow, onDate }: DayHeaderProps) {
  const hall = halls.find((h) => h.id === hallId)
  const chip = (active: boolean) => `day-header__chip${active ? ' day-header__chip--active' : ''}`
  const counts = day?.counts
  return (
    <View className="card day-header">
      <Picker mode="selector" range={halls.map((h) => h.name)} value={Math.max(0, halls.findIndex((h) => h.id === hallId))} onChange={(e) => onHall(halls[Number(e.detail.value)]?.id ?? '')}>
        <Text className="day-header__hall">{hall ? hall.name : '选择大厅'} ▾</Text>
      </Picker>
      <View className="day-header__dates">
        <Text className="day-header__step" onClick={() => onDate(shiftDate(date, -1))}>‹ 前一天</Text>
        <Text className="day-header__date">{date === today ? `今天 ${date.slice(5)}` : date}</Text>
        <Text className="day-header__step" onClick={() => onDate(shiftDate(date, 1))}>后一天 ›</Text>
      </View>
      <View className="day-header__chips">
        <Text className={chip(windowNumber === null)} onClick={() => onWindow(null)}>
          全部窗口
        </Text>
        {windows.map((w) => (
          <Text key={w} className={chip(windowNumber === w)} onClick={() => onWindow(w)}>
            {w}
          </Text>
        ))}
      </View>
      {counts ? (
        <View className="day-header__counts">
          <Text className="day-header__count">已预约 {counts.booked}</Text>
          <Text className="day-header__count">已签到 {counts.checkedIn}</Text>
          <Text className="day-header__count">已办理 {counts.served}</Text>
          <Text className="day-header__count">未到 {counts.noShow}</Text>
          <Text className="day-header__count day-header__count--waiting">等候 {day?.waiting ?? 0}</Text>
        </View>
      ) : null}
    </View>
  )
}
