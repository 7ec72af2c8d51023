import { View, Text } from '@tarojs/components'
import type { StaffPartDetail } from '../../../../../../types/prereviews'
import { DELIVERY_MODES, PART_STATUSES } from '../../../../../../types/enums'
import { formatDateTime } from '../../../../../components/format'
import { LightBadge } from '../../../../../components/LightBadge'
import './index.scss'

/** What the citizen applied for: the service (and its 一件事), the applicant, the form's answers and delivery. */
export function PartFacts({ detail }: { detail: StaffPartDetail }) {
  const { applicant, delivery } = detail
  return (
    <View className="card part-facts">
      <Text className="part-facts__matter">{detail.matterName}</Text>
      {detail.bundleName ? <Text className="part-facts__bundle">一件事 · {detail.bundleName}</Text> : null}
      <Text className="muted">
        {detail.number} · 提交 {formatDateTime(detail.submittedAt)}
        {detail.round > 1 ? ` · 补正后第${detail.round}轮` : ''}
      </Text>
      <LightBadge deadline={detail.deadline} />
      <View className="part-facts__rows">
        <Fact label="申请人" value={applicant.name} />
        {applicant.idNumberMasked ? <Fact label="身份证号" value={applicant.idNumberMasked} /> : null}
        {applicant.phoneMasked ? <Fact label="手机号" value={applicant.phoneMasked} /> : null}
        {detail.form.map((field) => (
          <Fact key={field.key} label={field.label} value={detail.fields[field.key] || '（未填写）'} />
        ))}
        <Fact
          label="结果送达"
          value={delivery ? `${DELIVERY_MODES[delivery.mode]}${delivery.address ? ` · ${delivery.address}` : ''}` : '（未选择）'}
        />
      </View>
      {detail.otherParts.length > 0 ? (
        <View className="part-facts__others">
          <Text className="muted">同一件事的其他部门：</Text>
          {detail.otherParts.map((part) => (
            <Text key={`${part.departmentName}-${part.matterName}`} className="muted part-facts__other">
              {part.departmentName} · {part.matterName} · {PART_STATUSES[part.status]}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="part-facts__row">
      <Text className="part-facts__label">{label}</Text>
      <Text className="part-facts__value">{value}</Text>
    </View>
  )
}
