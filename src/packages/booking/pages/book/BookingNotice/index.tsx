import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Availability } from '../../../../../../types/appointments'
import { monthDay, weekdayOf } from '../../../format'
import './index.scss'

/** Why this citizen cannot book right now, if anything stops them; checked in this order. */
export type Blocker = 'signIn' | 'banned' | 'realName' | null

export function blockerOf(availability: Availability, citizenSignedIn: boolean): Blocker {
  if (!citizenSignedIn) return 'signIn'
  if (availability.bookingBan) return 'banned'
  if (!availability.realNameReady) return 'realName'
  return null
}

interface BookingNoticeProps {
  availability: Availability
  blocker: Blocker
  onSignIn: () => void
  onRealName: () => void
  onShowDay: (date: string) => void
}

/** One notice above the days: sign in, the no-show ban (the server's sentence), real name, or "all full". */
export function BookingNotice({ availability, blocker, onSignIn, onRealName, onShowDay }: BookingNoticeProps) {
  if (blocker === 'signIn') {
    return (
      <View className="card booking-notice">
        <Text className="booking-notice__text">登录后即可预约，余量随时可查看。</Text>
        <Button type="primary" block onClick={onSignIn}>
          登录后预约
        </Button>
      </View>
    )
  }
  if (blocker === 'banned' && availability.bookingBan) {
    return (
      <View className="card booking-notice booking-notice--danger">
        <Text className="booking-notice__title">暂不能在线预约</Text>
        <Text className="booking-notice__text">{availability.bookingBan.message}</Text>
        <Text className="booking-notice__text muted">您仍可在办公时间直接到大厅现场取号办理。</Text>
      </View>
    )
  }
  if (blocker === 'realName') {
    return (
      <View className="card booking-notice">
        <Text className="booking-notice__text">预约须实名：请先填写姓名和身份证号。</Text>
        <Button type="primary" block onClick={onRealName}>
          去实名
        </Button>
      </View>
    )
  }
  if (availability.message) {
    const next = availability.nextDateWithRoom
    return (
      <View className="card booking-notice booking-notice--warning">
        <Text className="booking-notice__text">{availability.message}</Text>
        {next ? (
          <Button type="primary" fill="outline" block onClick={() => onShowDay(next)}>
            最近可约：{monthDay(next)} {weekdayOf(next)}
          </Button>
        ) : null}
      </View>
    )
  }
  return null
}
