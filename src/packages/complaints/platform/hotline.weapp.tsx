import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { callPhone } from '../../../platform/phone'

/** weapp: WeChat's call sheet (`makePhoneCall`). */
export function HotlineTap({ number, className, children }: { number: string; className?: string; children: ReactNode }) {
  return (
    <View className={className} onClick={() => void callPhone(number)}>
      {children}
    </View>
  )
}
