import { Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStaffList } from '../../useStaffList'
import { useStaffRatings } from '../../useStaffRatings'
import { BadRatingList } from '../bad-ratings/BadRatingList'
import './index.scss'

/** 申诉裁定 (admins): appeals against malicious ratings waiting for a decision; each opens its 差评 with 裁定申诉. */
const RatingAppealsPage = observer(function RatingAppealsPage() {
  const { appeals } = useStaffRatings()
  const allowed = useStaffList(appeals)

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
