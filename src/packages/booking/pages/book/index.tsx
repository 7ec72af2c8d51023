import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useRef, useState } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { routes } from '../../../../routes'
import { bookingPages } from '../../routes'
import { useStores } from '../../../../stores/context'
import { visitLabel } from '../../format'
import { useBooking } from '../../useBooking'
import { BookingNotice, blockerOf } from './BookingNotice'
import { DayPicker } from './DayPicker'
import { SlotList } from './SlotList'
import './index.scss'

/**
 * 预约办事: the service's hall, the bookable days and the chosen day's slots
 * with live remaining counts, then 确认预约 (or 确认改约 with `reschedule=`).
 * Every refusal is the server's sentence; after one, the counts are read again.
 */
const BookPage = observer(function BookPage() {
  const { session } = useStores()
  const booking = useBooking()
  const { matterId = '', caseId, reschedule } = useRouter().params
  const [date, setDate] = useState<string | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const shown = useRef(false)

  // Again when the session is known or changes: a signed-in citizen also gets their ban and bookings.
  useEffect(() => {
    if (matterId && session.restored) void booking.loadAvailability(matterId)
  }, [matterId, session.restored, session.isCitizen, booking])
  useDidShow(() => {
    // Back from sign-in or 实名: counts and the citizen's state may have changed.
    if (shown.current && matterId) void booking.loadAvailability(matterId)
    shown.current = true
  })

  const availability = booking.availability(matterId)
  if (!matterId) return <LoadState status="error" error="缺少事项编号" />
  if (!availability) {
    const { status, error } = booking.availabilityStatus(matterId)
    return (
      <PageShell name="book">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void booking.loadAvailability(matterId)} rows={6} />
      </PageShell>
    )
  }

  const { days } = availability
  const day = days.find((d) => d.date === date) ?? days.find((d) => d.status === 'open') ?? days[0]
  const slot = day?.slots.find((s) => s.id === slotId && s.remaining > 0)
  const nextWithRoom = (day && days.find((d) => d.date > day.date && d.status === 'open' && d.remaining > 0)?.date) ?? availability.nextDateWithRoom
  const blocker = blockerOf(availability, session.isCitizen)
  const showDay = (next: string) => {
    setDate(next)
    setSlotId(null)
    setProblem(null)
  }

  const confirm = async () => {
    if (!slot || !day) return
    setBusy(true)
    setProblem(null)
    const outcome = await booking.book(matterId, slot.id, { caseId, rescheduleId: reschedule })
    setBusy(false)
    if (!outcome.ok) {
      setSlotId(null)
      return setProblem(outcome.message)
    }
    toast(reschedule ? '已改约' : '预约成功')
    void Taro.redirectTo({ url: bookingPages.detail(outcome.appointment.id) })
  }

  return (
    <PageShell name="book" withBottomBar>
      <View className="card book-hall">
        <Text className="book-hall__matter">{availability.matter.name}</Text>
        <Text className="muted">{availability.department.name}</Text>
        <Text className="book-hall__name">{availability.hall.name}</Text>
        <Text className="muted">{availability.hall.address}</Text>
        {availability.windowNumbers.length ? <Text className="muted">办理窗口：{availability.windowNumbers.join('、')}</Text> : null}
      </View>
      <BookingNotice
        availability={availability}
        blocker={blocker}
        onSignIn={() => void Taro.navigateTo({ url: routes.login })}
        onRealName={() => void Taro.navigateTo({ url: routes.realName })}
        onShowDay={showDay}
      />
      <Text className="book__section">选择日期（{availability.firstDate.slice(5)} 至 {availability.lastDate.slice(5)}）</Text>
      <DayPicker days={days} chosen={day?.date ?? null} bookedDates={reschedule ? [] : availability.bookedDates} onChoose={showDay} />
      {day ? (
        <SlotList day={day} chosenSlot={slot?.id ?? null} nextDateWithRoom={nextWithRoom} onChoose={setSlotId} onShowDay={showDay} />
      ) : null}
      {problem ? <Text className="book__problem">{problem}</Text> : null}
      <View className="book__bar">
        <Text className="book__summary">{slot && day ? visitLabel(day.date, slot.startTime, slot.endTime) : '请选择日期和时段'}</Text>
        <Button className="book__confirm" type="primary" block disabled={!slot || blocker !== null} loading={busy} onClick={() => void confirm()}>
          {reschedule ? '确认改约' : '确认预约'}
        </Button>
      </View>
    </PageShell>
  )
})

export default BookPage
