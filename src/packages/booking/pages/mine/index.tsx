import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { APPOINTMENT_STATUS_LABELS } from '../../../../components/appointmentLabels'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { routes, TAB_PAGES } from '../../../../routes'
import { bookingPages } from '../../routes'
import { useStores } from '../../../../stores/context'
import { visitLabel } from '../../format'
import { useBooking } from '../../useBooking'
import './index.scss'

/** 我的预约: upcoming bookings first (待办), or every booking; the no-show ban, if any, on top. */
const MyBookingsPage = observer(function MyBookingsPage() {
  const { session } = useStores()
  const booking = useBooking()
  const { mine } = booking

  useDidShow(() => {
    if (session.isCitizen) void mine.reload()
  })
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void mine.loadMore())

  if (session.restored && !session.isCitizen) {
    return (
      <PageShell name="my-bookings">
        <EmptyState
          title="请先登录"
          description="登录后查看您的预约。"
          action={
            <Button type="primary" onClick={() => void Taro.navigateTo({ url: routes.login })}>
              登录
            </Button>
          }
        />
      </PageShell>
    )
  }

  const tab = (activeOnly: boolean, label: string) => (
    <Text className={`my-bookings__tab${booking.activeOnly === activeOnly ? ' my-bookings__tab--active' : ''}`} onClick={() => void booking.setActiveOnly(activeOnly)}>
      {label}
    </Text>
  )

  let body
  if (mine.items.length === 0 && mine.status === 'ready') {
    body = (
      <EmptyState
        title={booking.activeOnly ? '暂无待办预约' : '暂无预约'}
        description="在办事指南中点“预约”，选好时段，到大厅签到即可取号。"
        action={
          <Button type="primary" onClick={() => void Taro.switchTab({ url: TAB_PAGES.services })}>
            去办事
          </Button>
        }
      />
    )
  } else if (mine.items.length === 0) {
    body = <LoadState status={mine.status === 'error' ? 'error' : 'loading'} error={mine.error} onRetry={() => void mine.reload()} />
  } else {
    body = mine.items.map((a) => (
      <View key={a.id} className={`my-bookings__row my-bookings__row--${a.status}`} onClick={() => void Taro.navigateTo({ url: bookingPages.detail(a.id) })}>
        <View className="my-bookings__head">
          <Text className="my-bookings__matter">{a.matter.name}</Text>
          <Text className="my-bookings__status">{APPOINTMENT_STATUS_LABELS[a.status]}</Text>
        </View>
        <Text className="my-bookings__when">{visitLabel(a.date, a.startTime, a.endTime)}</Text>
        <Text className="muted">{a.hall.name}</Text>
        {a.queueNumber && a.status === 'checkedIn' ? <Text className="my-bookings__queue">排队号 {a.queueNumber}</Text> : null}
      </View>
    ))
  }

  return (
    <PageShell name="my-bookings">
      {booking.listBan ? (
        <View className="card my-bookings__ban">
          <Text>{booking.listBan.message}</Text>
        </View>
      ) : null}
      <View className="my-bookings__tabs">
        {tab(true, '待办')}
        {tab(false, '全部')}
      </View>
      {body}
      {mine.items.length > 0 && mine.status === 'error' ? <LoadState status="error" error={mine.error} onRetry={() => void mine.loadMore()} /> : null}
    </PageShell>
  )
})

export default MyBookingsPage
