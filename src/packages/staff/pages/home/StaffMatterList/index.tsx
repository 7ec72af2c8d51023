import { View, Text } from '@tarojs/components'
import type { MatterSummary } from '../../../../../../types/matters'
import { EmptyState } from '../../../../../components/EmptyState'
import { LoadState } from '../../../../../components/LoadState'
import type { LoadStatus } from '../../../../../stores/loadState'
import './index.scss'

interface StaffMatterListProps {
  title: string
  matters: MatterSummary[]
  total: number
  status: LoadStatus
  error: string | null
  hasMore: boolean
  /** Leads and admins edit; window staff read the published guide. */
  canEdit: boolean
  onOpen: (matterId: string) => void
  onRetry: () => void
}

export function StaffMatterList(props: StaffMatterListProps) {
  const { title, matters, total, status, error, hasMore, canEdit, onOpen, onRetry } = props
  if (matters.length === 0) {
    if (status === 'ready') return <EmptyState title="暂无事项" description="本部门还没有上线的办事指南。" />
    return <LoadState status={status === 'idle' ? 'loading' : status} error={error} onRetry={onRetry} />
  }
  return (
    <View className="card staff-matters">
      <Text className="card__title">
        {title}（{total}）
      </Text>
      {canEdit ? null : <Text className="staff-matters__note">修改电话和常见问题需部门负责人或管理员账号。</Text>}
      {matters.map((matter) => (
        <View key={matter.id} className="staff-matters__row" onClick={() => onOpen(matter.id)}>
          <View className="staff-matters__text">
            <Text className="staff-matters__name">{matter.name}</Text>
            <Text className="muted">{matter.department.name}</Text>
          </View>
          <Text className="staff-matters__edit">{canEdit ? '编辑 ›' : '查看 ›'}</Text>
        </View>
      ))}
      <View className="staff-matters__footer">
        {status === 'error' ? (
          <Text onClick={onRetry}>{error}，点击重试</Text>
        ) : status === 'loading' ? (
          <Text>加载中…</Text>
        ) : (
          <Text>{hasMore ? '上拉加载更多' : '没有更多了'}</Text>
        )}
      </View>
    </View>
  )
}
