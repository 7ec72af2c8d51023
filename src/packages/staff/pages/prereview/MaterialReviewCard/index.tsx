import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MATERIAL_VERDICTS, type MaterialVerdict } from '../../../../../../types/enums'
import { userMessage } from '../../../../../api/ApiError'
import { FlagTag } from '../../../../../components/FlagTag'
import type { StaffPartMaterial } from '../../../StaffPrereviewStore'
import { MaterialPages } from '../MaterialPages'
import { ReturnReasonEditor } from '../ReturnReasonEditor'
import './index.scss'

interface MaterialReviewCardProps {
  material: StaffPartMaterial
  /** False when read-only (a colleague's claim, or already answered). */
  canReview: boolean
  onMark: (verdict: MaterialVerdict, reason: string) => Promise<void>
}

/** One material: its pages, this round's verdict, earlier rounds' reviews, and 通过 / 退回 with a reason. */
export function MaterialReviewCard({ material, canReview, onMark }: MaterialReviewCardProps) {
  const { slot, verdict } = material
  const [returning, setReturning] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const pass = async () => {
    setBusy(true)
    setError(null)
    try {
      await onMark('pass', '')
      setReturning(false)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  // Only attached materials get a verdict (the server's rule); a missing one is for 容缺 or the notice.
  const markable = canReview && material.files.length > 0
  const classes = ['card', 'material-review', material.changedThisRound ? 'material-review--changed' : '']
  return (
    <View className={classes.join(' ')}>
      <View className="material-review__head">
        <Text className="material-review__name">{slot.name}</Text>
        <View className="material-review__flags">
          {material.changedThisRound ? <FlagTag tone="warning" solid>本轮已更换</FlagTag> : null}
          {slot.required ? null : <FlagTag tone="neutral">非必需</FlagTag>}
          {slot.acceptsTolerance ? <FlagTag tone="success">可容缺</FlagTag> : null}
        </View>
      </View>
      <MaterialPages materialName={slot.name} files={material.files} />
      <Text className={`material-review__verdict material-review__verdict--${verdict?.verdict ?? 'none'}`}>
        {verdict ? `本轮：${MATERIAL_VERDICTS[verdict.verdict]}${verdict.reason ? ` · ${verdict.reason}` : ''}` : '本轮：未审核'}
      </Text>
      {material.earlierReviews.map((review) => (
        <Text key={`${review.partId}-${review.round}`} className="muted material-review__earlier">
          第{review.round}轮 · {review.departmentName} · {MATERIAL_VERDICTS[review.verdict]}
          {review.reason ? ` · ${review.reason}` : ''}
        </Text>
      ))}
      {markable && !returning ? (
        <View className="material-review__buttons">
          <Button size="small" type="success" loading={busy} disabled={busy} onClick={() => void pass()}>
            通过
          </Button>
          <Button size="small" type="danger" fill="outline" disabled={busy} onClick={() => setReturning(true)}>
            退回
          </Button>
        </View>
      ) : null}
      {error ? <Text className="material-review__error">{error}</Text> : null}
      {markable && returning ? (
        <ReturnReasonEditor
          initialReason={verdict?.verdict === 'return' ? verdict.reason : ''}
          onReturn={async (reason) => {
            await onMark('return', reason)
            setReturning(false)
          }}
          onCancel={() => setReturning(false)}
        />
      ) : null}
    </View>
  )
}
