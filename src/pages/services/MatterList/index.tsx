import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterSummary } from '../../../../types/matters'
import { EmptyState } from '../../../components/EmptyState'
import { LoadState } from '../../../components/LoadState'
import { MatterRow } from '../../../components/MatterRow'
import type { LoadStatus } from '../../../stores/loadState'
import './index.scss'

interface MatterListProps {
  items: MatterSummary[]
  total: number
  status: LoadStatus
  error: string | null
  hasMore: boolean
  onOpen: (matter: MatterSummary) => void
  onRetry: () => void
  onClearFilters: () => void
}

export function MatterList(props: MatterListProps) {
  const { items, total, status, error, hasMore, onOpen, onRetry, onClearFilters } = props
  if (items.length === 0) {
    if (status === 'ready') {
      return (
        <EmptyState
          title="没有找到相关事项"
          description="换个关键词试试，或清除筛选条件"
          action={
            <Button type="primary" fill="outline" onClick={onClearFilters}>
              清除筛选
            </Button>
          }
        />
      )
    }
    return <LoadState status={status === 'idle' ? 'loading' : status} error={error} onRetry={onRetry} rows={6} />
  }
  return (
    <View className="matter-list">
      <Text className="matter-list__count">共 {total} 个事项</Text>
      {items.map((matter) => (
        <MatterRow key={matter.id} matter={matter} onOpen={onOpen} />
      ))}
      <View className="matter-list__footer">
        {status === 'error' ? (
          <Text className="matter-list__retry" onClick={onRetry}>
            {error}，点击重试
          </Text>
        ) : status === 'loading' ? (
          <Text>加载中…</Text>
        ) : hasMore ? (
          <Text>上拉加载更多</Text>
        ) : (
          <Text>没有更多了</Text>
        )}
      </View>
    </View>
  )
}
