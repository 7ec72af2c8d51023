import { View, Text } from '@tarojs/components'
import type { PartView } from '../../../../../../types/prereviews'
import { PART_STATUS_LABELS } from '../../../labels'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import { ReceiptCard } from '../ReceiptCard'
import './index.scss'

/** One department's part: its status, the review deadline light, the reply, 容缺 promise and receipt. */
export function PartCard({ part, onBook }: { part: PartView; onBook: (part: PartView) => void }) {
  return (
    <View className="card part-card">
      <View className="part-card__head">
        <Text className="part-card__matter">{part.matterName}</Text>
        <Text className={`part-card__status part-card__status--${part.status}`}>{PART_STATUS_LABELS[part.status]}</Text>
      </View>
      <Text className="muted">{part.departmentName}</Text>
      {part.status === 'pending' ? <LightBadge deadline={part.deadline} /> : null}
      {part.reply ? (
        <Text className="part-card__reply">
          答复：{part.reply}
          {part.decidedAt ? `（${formatDateTime(part.decidedAt)}）` : ''}
        </Text>
      ) : null}
      {part.tolerance ? (
        <View className="part-card__tolerance">
          <Text className="part-card__tolerance-title">容缺受理承诺</Text>
          <Text>
            请于 {part.tolerance.promisedOn} 前补交：{part.tolerance.materialNames.join('、')}
          </Text>
        </View>
      ) : null}
      {part.receipt ? <ReceiptCard receipt={part.receipt} onBook={() => onBook(part)} /> : null}
    </View>
  )
}
