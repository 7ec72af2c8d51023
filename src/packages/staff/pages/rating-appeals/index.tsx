import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffRatings } from '../../useStaffRatings'
import { BadRatingList } from '../bad-ratings/BadRatingList'
import './index.scss'

/** 申诉裁定 (admins): appeals against malicious ratings waiting for a decision; each opens its 差评 with 裁定申诉. */
const RatingAppealsPage = observer(function RatingAppealsPage() {
  const { appeals } = useStaffRatings()
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && appeals.status === 'idle') void appeals.reload()
  }, [allowed, appeals])
  useDidShow(() => {
    // Back from a decision: it has left the list.
    if (allowed && appeals.status !== 'idle') void appeals.reload()
  })
  usePullDownRefresh(() => void appeals.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => {
    if (allowed) void appeals.loadMore()
  })

  return (
    <PageShell name="rating-appeals">
      {allowed ? (
        <>
          <Text className="rating-appeals__note muted">申诉成立的评价不计入统计；驳回后继续整改。</Text>
          <BadRatingList list={appeals} empty="没有待裁定的申诉" />
        </>
      ) : (
        <LoadState status="loading" />
      )}
    </PageShell>
  )
})

export default RatingAppealsPage
