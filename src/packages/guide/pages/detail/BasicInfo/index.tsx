import { View, Text } from '@tarojs/components'
import type { MatterDetail } from '../../../../../../types/matters'
import { CASE_KINDS, MATTER_TYPES } from '../../../../../../types/enums'
import { formatDate, formatFen, limitLabel } from '../../../../../components/format'
import './index.scss'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="basic-info__row">
      <Text className="basic-info__label">{label}</Text>
      <Text className="basic-info__value" userSelect>
        {value || '—'}
      </Text>
    </View>
  )
}

/** 基本信息 after GB/T 39046: codes, subject, limits, visits and fees. */
export function BasicInfo({ matter }: { matter: MatterDetail }) {
  const { fee } = matter
  return (
    <View className="card basic-info">
      <Text className="card__title">基本信息</Text>
      <Row label="事项类型" value={MATTER_TYPES[matter.type]} />
      <Row label="基本编码" value={matter.basicCode} />
      <Row label="实施编码" value={matter.implementationCode} />
      <Row label="实施主体" value={matter.department.name} />
      <Row label="统一社会信用代码" value={matter.department.creditCode} />
      <Row label="办件类型" value={CASE_KINDS[matter.caseKind]} />
      <Row label="法定办结时限" value={limitLabel(matter.legalLimitDays)} />
      <Row label="承诺办结时限" value={limitLabel(matter.promisedLimitDays)} />
      <Row label="到现场次数" value={matter.visitsRequired === 0 ? '0次（零跑腿）' : `${matter.visitsRequired}次`} />
      <Row label="设定依据" value={matter.legalBasis} />
      <Row label="是否收费" value={fee.charged ? '收费' : '不收费'} />
      {fee.charged ? (
        <View className="basic-info__fees">
          {fee.items.map((item) => (
            <View key={item.name} className="basic-info__fee">
              <Text>{item.name}</Text>
              <Text className="basic-info__amount">
                {formatFen(item.amountFen)}
                {item.unit ? ` / ${item.unit}` : ''}
              </Text>
            </View>
          ))}
          {fee.basis ? <Text className="muted">收费依据：{fee.basis}</Text> : null}
        </View>
      ) : null}
      <Row label="更新时间" value={formatDate(matter.updatedAt)} />
    </View>
  )
}
