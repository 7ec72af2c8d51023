import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { networkStatus } from '../../platform/network'
import { OFFLINE_TEXT } from './text'
import './index.scss'

export { OFFLINE_TEXT }

/** A line at the top of every page (PageShell) while the device is offline; gone when it is back. */
export function OfflineBanner() {
  const [online, setOnline] = useState(networkStatus.isOnline)
  useEffect(() => {
    setOnline(networkStatus.isOnline())
    return networkStatus.subscribe(setOnline)
  }, [])
  if (online) return null
  return (
    <View className="offline-banner" role="status">
      {OFFLINE_TEXT}
    </View>
  )
}
