import Taro from '@tarojs/taro'
import type { StaffBadRatingSummary } from '../../../../../../types/ratings'
import { EmptyState } from '../../../../../components/EmptyState'
import type { PagedList } from '../../../../../stores/PagedList'
import { StaffListBody } from '../../../components/StaffListBody'
import { staffRatingPages } from '../../../ratingRoutes'
import { BadRatingRow } from '../BadRatingRow'
import './index.scss'

/** A list of 差评 rows with its empty, loading and error states (shared with 申诉裁定). */
export function BadRatingList({ list, empty }: { list: PagedList<StaffBadRatingSummary>; empty: string }) {
  return (
    <StaffListBody
      list={list}
      block="bad-ratings"
      empty={<EmptyState title={empty} description="下拉可刷新。" />}
      total={(n) => `共 ${n} 条`}
      row={(item) => <BadRatingRow key={item.id} item={item} onOpen={(id) => void Taro.navigateTo({ url: staffRatingPages.detail(id) })} />}
    />
  )
}
