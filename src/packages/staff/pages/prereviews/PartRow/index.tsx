import { View, Text } from '@tarojs/components'
import type { Claim } from '../../../../../../types/prereviews'
import { PART_STATUSES } from '../../../../../../types/enums'
import { FlagTag } from '../../../../../components/FlagTag'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import type { StaffPartItem } from '../../../StaffPrereviewStore'
import './index.scss'

/** Who is reviewing it now, as the queue says it; nothing once the claim has lapsed. */
export function claimLabel(claim: Claim | null, now = Date.now()): string | null {
  if (!claim || Date.parse(claim.expiresAt) <= now) return null
  return claim.mine ? '我正在审核' : `${claim.staffName}审核中`
}

interface PartRowProps {
  item: StaffPartItem
  onOpen: (partId: string) => void
}

/** One part waiting for review: service (and its 一件事), applicant, round, who holds it, the light. */
export function PartRow({ item, onOpen }: PartRowProps) {
  const holder = claimLabel(item.claim)
  return (
    <View className="part-row" onClick={() => onOpen(item.partId)} hoverClass="part-row--pressed">
      <View className="part-row__head">
        <Text className="part-row__matter">{item.matterName}</Text>
        <Text className="part-row__status">{PART_STATUSES[item.status]}</Text>
      </View>
      {item.bundleName ? <Text className="part-row__bundle">一件事 · {item.bundleName}</Text> : null}
      <Text className="part-row__meta">
        {item.number} · {item.applicantNameMasked} · {formatDateTime(item.submittedAt)}
      </Text>
      <View className="part-row__flags">
        {item.round > 1 ? <FlagTag tone="warning">补正后第{item.round}轮</FlagTag> : null}
        {holder ? <FlagTag tone={item.claim?.mine ? 'primary' : 'neutral'}>{holder}</FlagTag> : null}
      </View>
      <LightBadge deadline={item.deadline} />
    </View>
  )
}
