import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import type { StaffBadRatingSummary } from '../../../../../../types/ratings'
import { EmptyState } from '../../../../../components/EmptyState'
import { LoadState } from '../../../../../components/LoadState'
import type { PagedList } from '../../../../../stores/PagedList'
import { staffRatingPages } from '../../../ratingRoutes'
import { BadRatingRow } from '../BadRatingRow'
import './index.scss'

/** A list of 差评 rows with its empty, loading and error states (shared with 申诉裁定). */
export const BadRatingList = observer(function BadRatingList({ list, empty }: { list: PagedList<StaffBadRatingSummary>; empty: string }) {
  if (list.items.length === 0 && list.status === 'ready') return <EmptyState title={empty} description="下拉可刷新。" />
  if (list.items.length === 0) {
    return <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  }
  return (
    <View className="bad-ratings__list">
      {list.items.map((item) => (
        <BadRatingRow key={item.id} item={item} onOpen={(id) => void Taro.navigateTo({ url: staffRatingPages.detail(id) })} />
      ))}
      {list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
      {!list.hasMore ? <Text className="bad-ratings__end muted">共 {list.total} 条</Text> : null}
    </View>
  )
})
