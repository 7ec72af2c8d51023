import { View, Text } from '@tarojs/components'
import type { CaseSummary } from '../../../types/cases'
import { CASE_STATUSES } from '../../../types/enums'
import { LightBadge } from '../LightBadge'
import { formatDate } from '../format'
import './index.scss'

interface CaseRowProps {
  item: CaseSummary
  onOpen: (id: string) => void
  /** Staff lists show whose case it is (masked). */
  showApplicant?: boolean
}

/** One case in a list: matter, number, status, and the light. */
export function CaseRow({ item, onOpen, showApplicant }: CaseRowProps) {
  return (
    <View className="case-row" onClick={() => onOpen(item.id)} hoverClass="case-row--pressed">
      <View className="case-row__head">
        <Text className="case-row__matter">{item.matter.name}</Text>
        <Text className="case-row__status">{CASE_STATUSES[item.status]}</Text>
      </View>
      <Text className="case-row__meta">
        {item.number} · {formatDate(item.createdAt)}
        {showApplicant ? ` · ${item.applicantNameMasked}` : ''}
      </Text>
      <LightBadge deadline={item.deadline} />
    </View>
  )
}
