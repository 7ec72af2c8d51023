import { View, Text } from '@tarojs/components'
import type { ComplaintSummary, ComplaintStatus } from '../../../../../types/complaints'
import { FlagTag, type FlagTone } from '../../../../components/FlagTag'
import { formatDateTime } from '../../../../components/format'
import { LightBadge } from '../../../../components/LightBadge'
import { CATEGORY_LABELS, KIND_LABELS, STATUS_LABELS } from '../../labels'
import './index.scss'

export const STATUS_TONES: Record<ComplaintStatus, FlagTone> = { submitted: 'warning', processing: 'primary', replied: 'success', rated: 'neutral' }

interface ComplaintRowProps {
  item: ComplaintSummary
  /** Staff rows show who filed it (masked). */
  who?: string
  onOpen: (id: string) => void
}

/** One complaint or suggestion: number, kind and category, where it stands, the reply light, and the start of the text. */
export function ComplaintRow({ item, who, onOpen }: ComplaintRowProps) {
  return (
    <View className="complaint-row" onClick={() => onOpen(item.id)} hoverClass="complaint-row--pressed">
      <View className="complaint-row__head">
        <Text className="complaint-row__number">{item.number}</Text>
        <FlagTag tone={STATUS_TONES[item.status]}>{STATUS_LABELS[item.status]}</FlagTag>
      </View>
      <Text className="complaint-row__kind">
        {KIND_LABELS[item.kind]} · {CATEGORY_LABELS[item.category]}
        {item.department ? ` · ${item.department.name}` : ''}
      </Text>
      <Text className="complaint-row__excerpt">{item.excerpt}</Text>
      <Text className="complaint-row__meta">
        {who ? `${who} · ` : ''}
        {formatDateTime(item.createdAt)}
      </Text>
      <LightBadge deadline={item.deadline} />
    </View>
  )
}
