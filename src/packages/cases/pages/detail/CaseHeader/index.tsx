import { View, Text } from '@tarojs/components'
import type { CaseDetail } from '../../../../../../types/cases'
import { CASE_STATUSES } from '../../../../../../types/enums'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import './index.scss'

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  return (
    <View className="card case-header">
      <Text className="case-header__matter">{detail.matter.name}</Text>
      <Text className="muted">
        办件编号 {detail.number} · {detail.department.name}
      </Text>
      <View className="case-header__status">
        <Text className="case-header__status-label">{CASE_STATUSES[detail.status]}</Text>
        <LightBadge deadline={detail.deadline} />
      </View>
      <View className="case-header__facts">
        <Text className="muted">申请时间 {formatDateTime(detail.createdAt)}</Text>
        {detail.acceptedAt ? <Text className="muted">受理时间 {formatDateTime(detail.acceptedAt)}</Text> : null}
        {detail.deadline ? <Text className="muted">承诺办结 {formatDateTime(detail.deadline.dueAt)} 前</Text> : null}
        <Text className="muted">
          申请人 {detail.applicantNameMasked} · {detail.applicantPhoneMasked}
        </Text>
      </View>
    </View>
  )
}
