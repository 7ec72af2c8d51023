import { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffRatings } from '../../useStaffRatings'
import { RatingActions } from './RatingActions'
import { RatingFacts } from './RatingFacts'
import { RatingRecords } from './RatingRecords'

/** One 差评: what the citizen said, the rectification light, what was done so far, and the actions the server allows now. */
const BadRatingPage = observer(function BadRatingPage() {
  const ratings = useStaffRatings()
  const id = useRouter().params.id ?? ''
  const allowed = useStaffGuard()

  useEffect(() => {
    if (allowed && id) void ratings.loadRating(id)
  }, [allowed, id, ratings])

  const detail = ratings.ratingById(id)
  const { status, error } = ratings.detailStatus(id)
  if (!allowed || !detail) {
    return (
      <PageShell name="bad-rating">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void ratings.loadRating(id)} rows={6} />
      </PageShell>
    )
  }
  return (
    <PageShell name="bad-rating">
      <RatingFacts detail={detail} />
      <RatingActions
        actions={detail.allowedActions}
        onVerify={(note) => ratings.verify(id, note)}
        onRectify={(measures, reply) => ratings.rectify(id, measures, reply)}
        onAppeal={(evidence) => ratings.appeal(id, evidence)}
        onDecide={(decision, comment) => ratings.decideAppeal(id, decision, comment)}
        onDone={(message) => toast(message)}
      />
      <RatingRecords detail={detail} />
    </PageShell>
  )
})

export default BadRatingPage
