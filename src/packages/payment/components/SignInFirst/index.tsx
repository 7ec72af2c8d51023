import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { routes } from '../../../../routes'

/** Shown instead of a payment page to someone not signed in as a citizen. */
export function SignInFirst() {
  return (
    <View className="card">
      <Text className="muted">请先登录后查看缴费信息。</Text>
      <Text className="card__title" onClick={() => void Taro.navigateTo({ url: routes.login })}>
        去登录 ›
      </Text>
    </View>
  )
}
