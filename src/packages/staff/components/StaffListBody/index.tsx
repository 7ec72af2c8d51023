import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import type { ReactNode } from 'react'
import { LoadState } from '../../../../components/LoadState'
import type { PagedList } from '../../../../stores/PagedList'

interface StaffListBodyProps<T extends { id: string }> {
  list: PagedList<T>
  /** The page's BEM block: rows sit in `${block}__list`, the count in `${block}__end`. */
  block: string
  /** Shown when the list loaded and is empty (an EmptyState). */
  empty: ReactNode
  /** The line under the last page, e.g. `共 12 件`. */
  total: (total: number) => string
  row: (item: T) => ReactNode
}

/**
 * A staff list with its states: skeleton or error with 重试 before the first
 * page, the empty state, the rows, an error with 重试 for a failed next page,
 * and the total once everything is shown.
 */
export const StaffListBody = observer(function StaffListBody<T extends { id: string }>({ list, block, empty, total, row }: StaffListBodyProps<T>) {
  if (list.items.length === 0 && list.status === 'ready') return <>{empty}</>
  if (list.items.length === 0) {
    return <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  }
  return (
    <View className={`${block}__list`}>
      {list.items.map(row)}
      {list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
      {list.status === 'loading' ? <Text className={`${block}__end muted`}>加载中…</Text> : null}
      {!list.hasMore ? <Text className={`${block}__end muted`}>{total(list.total)}</Text> : null}
    </View>
  )
}) as <T extends { id: string }>(props: StaffListBodyProps<T>) => ReactNode
