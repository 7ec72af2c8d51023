import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { useStaffBooking } from '../../useStaffBooking'
import { useStaffGuard } from '../../useStaffGuard'
import { CallPanel } from './CallPanel'
import { CheckInPanel } from './CheckInPanel'
import { DayHeader } from './DayHeader'
import { DayList } from './DayList'

/** The hall's appointments for a day and window: check-in by code, 叫号, 办理完成 / 标记未到. */
const HallDayPage = observer(function HallDayPage() {
  const { session } = useStores()
  const desk = useStaffBooking()
  const allowed = useStaffGuard()
  const staff = session.staff ?? null

  useEffect(() => {
    if (allowed) void desk.loadHalls(staff).then(() => desk.loadDay())
  }, [allowed, desk, staff])
  usePullDownRefresh(() => {
    void desk.loadDay().finally(() => Taro.stopPullDownRefresh())
  })

  if (!allowed || desk.hallsStatus !== 'ready') {
    return (
      <PageShell name="hall-day">
        <LoadState status={desk.hallsStatus === 'error' ? 'error' : 'loading'} error={desk.hallsError} onRetry={() => void desk.loadHalls(staff)} />
      </PageShell>
    )
  }

  return (
    <PageShell name="hall-day">
      <DayHeader
        halls={desk.halls}
        hallId={desk.hallId}
        windows={desk.windowsFor(staff)}
        windowNumber={desk.windowNumber}
        date={desk.date}
        today={desk.today}
        day={desk.day}
        onHall={(id) => {
          desk.selectHall(id)
          void desk.loadDay()
        }}
        onWindow={(w) => void desk.selectWindow(w)}
        onDate={(d) => void desk.setDate(d)}
      />
      {/* Whatever day is shown: the code finds its booking, and the server says if today is not its day. */}
      <CheckInPanel lastCheckIn={desk.lastCheckIn} onCheckIn={(code) => desk.checkIn(code)} />
      <CallPanel windowNumber={desk.windowNumber} lastCall={desk.lastCall} onCallNext={() => desk.callNext()} />
      {desk.day ? (
        <DayList items={desk.day.items} onAct={(id, action) => desk.act(id, action)} />
      ) : (
        <LoadState status={desk.dayStatus === 'error' ? 'error' : 'loading'} error={desk.dayError} onRetry={() => void desk.loadDay()} />
      )}
    </PageShell>
  )
})

export default HallDayPage
