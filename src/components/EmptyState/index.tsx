import { View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import './index.scss'

interface EmptyStateProps {
  title: string
  description?: ReactNode
  action?: ReactNode
}

/** NutUI's Empty with a local drawing (its default image is fetched from a third-party CDN). */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <View className="empty-state">
      <Empty image={<View className="empty-state__image" />} title={title} description={description} />
      {action ? <View className="empty-state__action">{action}</View> : null}
    </View>
  )
}
