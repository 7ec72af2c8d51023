import { View, Text } from '@tarojs/components'
import { HOTLINE } from '../../labels'
import { HotlineTap } from '../../platform/hotline'
import './index.scss'

/** The 12345 government hotline, one tap away on every complaint page. */
export function HotlineBar() {
  return (
    <HotlineTap number={HOTLINE} className="hotline-bar">
      <View className="hotline-bar__text">
        <Text className="hotline-bar__title">也可拨打政务服务便民热线</Text>
        <Text className="hotline-bar__number">{HOTLINE}</Text>
      </View>
      <Text className="hotline-bar__call">拨打 ›</Text>
    </HotlineTap>
  )
}
