import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { StaffAppointment } from '../../../../../../types/appointments'
import type { AppointmentStaffAction } from '../../../../../../types/enums'
import { APPOINTMENT_STATUS_LABELS, STAFF_ACTION_LABELS } from '../../../../../components/appointmentLabels'
import './index.scss'

type RowAction = AppointmentStaffAction

interface DayListProps {
  items: StaffAppointment[]
  onAct: (id: string, action: RowAction) => Promise<{ ok: boolean; message?: string }>
}

/** The day's bookings by time, then queue order; one button per action the server allows now (签到取号 here is for a citizen without the code). */
export function DayList({ items, onAct }: DayListProps) {
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  if (items.length === 0) return <Text className="day-list__empty muted">当天没有预约</Text>

  const act = async (id: string, action: RowAction) => {
    setBusy(`${id}:${action}`)
    const outcome = await onAct(id, action)
    setBusy(null)
    setErrors((current) => ({ ...current, [id]: outcome.ok ? '' : outcome.message ?? '' }))
  }

  return (
    <View className="day-list">
      {items.map((a) => (
        <View key={a.id} className={`day-list__row day-list__row--${a.status}`}>
          <View className="day-list__head">
            <Text className="day-list__time">
              {a.startTime}–{a.endTime}
            </Text>
            {a.queueNumber ? <Text className="day-list__queue">{a.queueNumber}</Text> : null}
            <Text className="day-list__status">{APPOINTMENT_STATUS_LABELS[a.status]}</Text>
          </View>
          <Text>
            {a.citizenNameMasked}
            {a.citizenPhoneMasked ? ` · ${a.citizenPhoneMasked}` : ''}
          </Text>
          <Text className="muted">
            {a.matter.name}
            {a.calledWindow ? ` · 已叫号（${a.calledWindow}）` : a.windowNumbers.length ? ` · ${a.windowNumbers.join('、')}` : ''}
          </Text>
          {a.allowedActions.length ? (
            <View className="day-list__actions">
              {(['checkIn', 'serve', 'noShow'] as const)
                .filter((x) => a.allowedActions.includes(x))
                .map((x) => (
                  <Button key={x} size="small" type={x === 'noShow' ? 'default' : 'primary'} loading={busy === `${a.id}:${x}`} onClick={() => void act(a.id, x)}>
                    {STAFF_ACTION_LABELS[x]}
                  </Button>
                ))}
            </View>
          ) : null}
          {errors[a.id] ? <Text className="day-list__error">{errors[a.id]}</Text> : null}
        </View>
      ))}
    </View>
  )
}
