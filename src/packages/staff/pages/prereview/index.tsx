import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { StaffPartDetail } from '../../../../../types/prereviews'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { staffPrereviewRoutes } from '../../../../routes'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffPrereviews } from '../../useStaffPrereviews'
import { ClaimBar } from './ClaimBar'
import { DecisionPanel } from './DecisionPanel'
import { DecisionResult } from './DecisionResult'
import { MaterialReviewCard } from './MaterialReviewCard'
import { PartFacts } from './PartFacts'
import { PrereviewHistory } from './PrereviewHistory'
import './index.scss'

function backToQueue(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: staffPrereviewRoutes.queue })
}

/**
 * One department's part of a pre-review: claimed on open when free (read-only
 * while a colleague holds it), every material with its pages and a verdict,
 * and the reply the server allows. Leaving without a reply gives the claim back.
 */
const StaffPrereviewPage = observer(function StaffPrereviewPage() {
  const prereviews = useStaffPrereviews()
  const allowed = useStaffGuard()
  const id = useRouter().params.id ?? ''
  const [decided, setDecided] = useState<StaffPartDetail | null>(null)
  const [refreshing, setRefreshing] = useState(false)

  useEffect(() => {
    // Always fresh: a colleague may have claimed or answered it.
    if (allowed && id) void prereviews.open(id)
  }, [allowed, id, prereviews])
  useUnload(() => {
    void prereviews.releaseIfHeld(id)
  })

  const detail = prereviews.partById(id)
  const { status, error } = prereviews.detailStatus(id)
  if (!allowed || !detail) {
    return (
      <PageShell name="staff-prereview">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void prereviews.open(id)} rows={6} />
      </PageShell>
    )
  }
  if (decided) {
    return (
      <PageShell name="staff-prereview">
        <DecisionResult detail={decided} onBack={backToQueue} />
        <PrereviewHistory entries={decided.history} />
      </PageShell>
    )
  }

  const canReview = prereviews.canReview(id)
  const refresh = () => {
    setRefreshing(true)
    void prereviews.open(id).finally(() => setRefreshing(false))
  }

  return (
    <PageShell name="staff-prereview">
      <ClaimBar detail={detail} canReview={canReview} claimError={prereviews.claimError(id)} busy={refreshing} onRefresh={refresh} />
      <PartFacts detail={detail} />
      {detail.part.reply ? (
        <View className="card">
          <Text className="card__title">上次答复</Text>
          <Text className="staff-prereview__reply">{detail.part.reply}</Text>
        </View>
      ) : null}
      <Text className="staff-prereview__section">材料（{detail.materials.length}项）</Text>
      {detail.materials.map((material) => (
        <MaterialReviewCard
          key={material.slot.key}
          material={material}
          canReview={canReview}
          onMark={(verdict, reason) => prereviews.markMaterial(id, material.slot.key, verdict, reason)}
        />
      ))}
      {canReview ? (
        <DecisionPanel
          decisions={prereviews.decisionsFor(id)}
          toleranceCandidates={prereviews.toleranceCandidates(id)}
          onDecide={async (decision, input) => {
            const result = await prereviews.decide(id, decision, input)
            setDecided(result)
            toast('已答复申请人')
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
          }}
        />
      ) : null}
      <PrereviewHistory entries={detail.history} />
    </PageShell>
  )
})

export default StaffPrereviewPage
