import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect } from 'react'
import type { PagedList } from '../../stores/PagedList'
import { useStaffGuard } from './useStaffGuard'

/**
 * The life cycle of a staff list page on one PagedList: the first page once
 * the staff guard allows, a reload when the page is shown again (back from an
 * item, which may have moved on or left the list) and on pull-down, the next
 * page at the bottom. Returns what the guard returns. Call it from an
 * observer component.
 */
export function useStaffList<T extends { id: string }>(list: PagedList<T>): boolean {
  const allowed = useStaffGuard()
  useEffect(() => {
    if (allowed && list.status === 'idle') void list.reload()
  }, [allowed, list])
  useDidShow(() => {
    if (allowed && list.status !== 'idle') void list.reload()
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (allowed) void list.loadMore()
  })
  return allowed
}
