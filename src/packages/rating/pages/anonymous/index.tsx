import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import type { AnonymousRatingReceipt } from '../../../../../types/ratings'
import { formatDateTime } from '../../../../components/format'
import { PageShell } from '../../../../components/PageShell'
import { RATING_LEVEL_LABELS } from '../../../../components/ratingLabels'
import { useStores } from '../../../../stores/context'
import { RatingForm } from '../../components/RatingForm'
import { ReplyCard } from '../../components/ReplyCard'
import { useRating } from '../../useRating'
import { ReceiptEntry } from './ReceiptEntry'
import './index.scss'

/**
 * 凭回执评价, without signing in: the number and query password of the case
 * just looked up on the 进度 tab (?from=lookup), or typed here, or read from
 * the receipt's QR code — here or on the 进度 tab (then the channel is 二维码).
 */
const AnonymousRatingPage = observer(function AnonymousRatingPage() {
  const { cases } = useStores()
  const rating = useRating()
  const fromLookup = useRouter().params.from === 'lookup'
  const [receipt, setReceipt] = useState<AnonymousRatingReceipt | null>(null)

  useEffect(() => {
    rating.forgetAnonymous()
    const code = cases.lookupCode
    if (fromLookup && code) void rating.checkAnonymous(code, code.scanned ? 'qrCode' : 'mobile')
  }, [fromLookup, cases, rating])

  const session = rating.anonymous
  if (!session) {
    return (
      <PageShell name="anonymous-rating">
        <ReceiptEntry
          initialNumber={cases.lookupCode?.number ?? ''}
          busy={rating.anonymousStatus === 'loading'}
          error={rating.anonymousError}
          onCheck={(code, channel) => void rating.checkAnonymous(code, channel)}
        />
      </PageShell>
    )
  }
  const { target } = session
  return (
    <PageShell name="anonymous-rating">
      <View className="card anonymous-rating__target">
        <Text className="anonymous-rating__matter">{target.matterName}</Text>
        <Text className="muted">
          办件编号 {target.caseNumber} · {target.departmentName}
        </Text>
        {target.reRate ? <Text className="anonymous-rating__note">部门已整改并回复，您可以再评价一次。</Text> : null}
      </View>
      {target.reply ? <ReplyCard reply={target.reply} /> : null}
      {receipt ? (
        <View className="card anonymous-rating__done">
          <Text className="anonymous-rating__thanks">感谢您的评价</Text>
          <Text className="muted">
            {RATING_LEVEL_LABELS[receipt.level]} · {formatDateTime(receipt.createdAt)}
          </Text>
        </View>
      ) : target.canRate ? (
        <RatingForm
          dimension={target.dimension}
          submitLabel={target.reRate ? '提交再次评价' : '提交评价'}
          onSubmit={async (draft) => {
            const outcome = await rating.submitAnonymous(draft)
            if (!outcome.ok) return outcome.errors
            setReceipt(outcome.receipt)
            return {}
          }}
        />
      ) : (
        <Text className="anonymous-rating__reason">{target.reason ?? '该办件暂不能评价'}</Text>
      )}
    </PageShell>
  )
})

export default AnonymousRatingPage
