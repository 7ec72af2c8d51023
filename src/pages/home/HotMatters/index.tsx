import { View, Text } from '@tarojs/components'
import type { MatterSummary } from '../../../../types/matters'
import { LoadState } from '../../../components/LoadState'
import { MatterRow } from '../../../components/MatterRow'
import type { LoadStatus } from '../../../stores/loadState'
import './index.scss'

interface HotMattersProps {
  status: LoadStatus
  matters: MatterSummary[]
  onOpen: (matter: MatterSummary) => void
  onMore: () => void
  onRetry: () => void
}

export function HotMatters({ status, matters, onOpen, onMore, onRetry }: HotMattersProps) {
  return (
    <View className="card hot-matters">
      <View className="hot-matters__head">
        <Text className="card__title">热门事项</Text>
        <Text className="hot-matters__more" onClick={onMore}>
          全部事项 ›
        </Text>
      </View>
      {status === 'ready' ? (
        matters.map((matter) => <MatterRow key={matter.id} matter={matter} onOpen={onOpen} />)
      ) : (
        <LoadState status={status} error="热门事项加载失败" onRetry={onRetry} />
      )}
    </View>
  )
}
