import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffPartDetail } from '../../../../../../types/prereviews'
import { PART_STATUSES } from '../../../../../../types/enums'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

interface ClaimBarProps {
  detail: StaffPartDetail
  canReview: boolean
  /** The server's sentence when it refused us the claim. */
  claimError: string | null
  busy: boolean
  onRefresh: () => void
}

/** Who reviews this part now: me (until when), a colleague (read-only), or nobody since it was answered. */
export function ClaimBar({ detail, canReview, claimError, busy, onRefresh }: ClaimBarProps) {
  const { claim, status } = detail
  if (status !== 'pending') {
    return (
      <View className="claim-bar claim-bar--done">
        <Text>本件已答复：{PART_STATUSES[status]}，仅可查看。</Text>
      </View>
    )
  }
  if (canReview && claim) {
    return (
      <View className="claim-bar claim-bar--mine">
        <Text>我正在审核 · {formatDateTime(claim.expiresAt)} 前有效，每次审核自动续期</Text>
      </View>
    )
  }
  // Whether a colleague still holds it is the server's to say: 刷新 asks again and claims it if it has become free.
  const heldByOther = claim && !claim.mine && Date.parse(claim.expiresAt) > Date.now()
  return (
    <View className="claim-bar claim-bar--held">
      {heldByOther ? (
        <Text className="claim-bar__who">
          {claim.staffName}正在审核，{formatDateTime(claim.expiresAt)} 前有效。本页只读。
        </Text>
      ) : (
        <Text className="claim-bar__who">本件尚无人审核。</Text>
      )}
      {claimError ? <Text className="claim-bar__error">{claimError}</Text> : null}
      <Button size="small" fill="outline" type="primary" loading={busy} onClick={onRefresh}>
        {heldByOther ? '刷新' : '开始审核'}
      </Button>
    </View>
  )
}
