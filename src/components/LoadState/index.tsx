import { View, Text } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { LoadStatus } from '../../stores/loadState'
import './index.scss'

interface LoadStateProps {
  status: LoadStatus
  error?: string | null
  onRetry?: () => void
  rows?: number
}

/** What a section shows while its data is not there yet: a skeleton, or the error and 重试. */
export function LoadState({ status, error, onRetry, rows = 3 }: LoadStateProps) {
  if (status === 'error') {
    return (
      <View className="load-state load-state--error">
        <Text className="load-state__message">{error || '加载失败'}</Text>
        {onRetry ? (
          <Button size="small" fill="outline" type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    )
  }
  return (
    <View className="load-state">
      <Skeleton rows={rows} animated />
    </View>
  )
}
