import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { caseRoutes, routes } from '../../../../routes'
import { bookingPages } from '../../routes'
import { ratingPages } from '../../../rating/routes'
import { useStores } from '../../../../stores/context'
import { useBooking } from '../../useBooking'
import { BookingFacts } from './BookingFacts'
import { CancelForm } from './CancelForm'
import { CheckInCard } from './CheckInCard'
import { QueueTicket } from './QueueTicket'

/** On the day of the visit the page reads the booking again this often, to show the queue number and the call as they happen. */
const REFRESH_ON_THE_DAY_MS = 5_000
/** Before that, rarely: the booking may still be moved, cancelled by a closure or checked in. */
const REFRESH_MS = 30_000

/** Today's date in China, as the server's dates are. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** One booking: when and where, the check-in QR code, the queue number once checked in, 改约 and 取消. */
const BookingDetailPage = observer(function BookingDetailPage() {
  const { session } = useStores()
  const booking = useBooking()
  const id = useRouter().params.id ?? ''
  const [visible, setVisible] = useState(true)
  const signedIn = session.isCitizen
  const appointment = booking.appointment(id)
  const live = appointment?.status === 'booked' || appointment?.status === 'checkedIn'
  const onTheDay = appointment?.date === shanghaiToday()

  useEffect(() => {
    if (signedIn && id) void booking.loadAppointment(id)
  }, [signedIn, id, booking])
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void booking.loadAppointment(id).finally(() => Taro.stopPullDownRefresh())
  })
  useEffect(() => {
    if (!signedIn || !live || !visible) return undefined
    const timer = setInterval(() => void booking.loadAppointment(id), onTheDay ? REFRESH_ON_THE_DAY_MS : REFRESH_MS)
    return () => clearInterval(timer)
  }, [signedIn, live, onTheDay, visible, id, booking])

  if (session.restored && !signedIn) {
    return (
      <PageShell name="booking-detail">
        <View className="card">
          <Text className="muted">请先登录后查看预约。</Text>
          <Text className="card__title" onClick={() => void Taro.navigateTo({ url: routes.login })}>
            去登录 ›
          </Text>
        </View>
      </PageShell>
    )
  }
  if (!id) return <LoadState status="error" error="缺少预约编号" />
  if (!appointment) {
    const { status, error } = booking.appointmentStatus(id)
    return (
      <PageShell name="booking-detail">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void booking.loadAppointment(id)} rows={6} />
      </PageShell>
    )
  }

  const reschedule = () =>
    void Taro.navigateTo({ url: bookingPages.book(appointment.matter.id, { reschedule: appointment.id }) })

  return (
    <PageShell name="booking-detail">
      {appointment.status === 'checkedIn' && appointment.queueNumber ? <QueueTicket appointment={appointment} /> : null}
      <BookingFacts appointment={appointment} />
      {appointment.status === 'booked' ? <CheckInCard code={appointment.checkInCode} payload={appointment.checkInPayload} /> : null}
      {appointment.status === 'booked' ? (
        <CancelForm
          deadline={appointment.cancelDeadline}
          canCancel={appointment.canCancel}
          onReschedule={reschedule}
          onCancel={async (reason) => {
            await booking.cancel(appointment.id, reason)
            toast('已取消预约')
          }}
        />
      ) : null}
      {appointment.rescheduledTo ? (
        <View className="card" onClick={() => void Taro.redirectTo({ url: bookingPages.detail(appointment.rescheduledTo ?? '') })}>
          <Text className="card__title">查看改约后的预约 ›</Text>
        </View>
      ) : null}
      {appointment.status === 'served' ? (
        <View className="card" onClick={() => void Taro.navigateTo({ url: ratingPages.rateVisit(appointment.id) })}>
          <Text className="card__title">评价本次到厅服务 ›</Text>
        </View>
      ) : null}
      {appointment.caseId ? (
        <View className="card" onClick={() => void Taro.navigateTo({ url: caseRoutes.detail(appointment.caseId ?? '') })}>
          <Text className="card__title">查看关联办件 ›</Text>
        </View>
      ) : null}
    </PageShell>
  )
})

export default BookingDetailPage
