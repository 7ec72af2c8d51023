import { View, Text } from '@tarojs/components'
import type { MatterDetail } from '../../../../../../types/matters'
import { AUDIENCES, CASE_KINDS } from '../../../../../../types/enums'
import { FlagTag } from '../../../../../components/FlagTag'
import { visitsLabel } from '../../../../../components/format'
import './index.scss'

export function GuideHeader({ matter }: { matter: MatterDetail }) {
  const { flags } = matter
  return (
    <View className="guide-header">
      <Text className="guide-header__name">{matter.name}</Text>
      <Text className="guide-header__department">{matter.department.name}</Text>
      <View className="guide-header__tags">
        <FlagTag tone={matter.visitsRequired === 0 ? 'success' : 'primary'} solid>
          {visitsLabel(matter.visitsRequired)}
        </FlagTag>
        <FlagTag>{CASE_KINDS[matter.caseKind]}</FlagTag>
        {matter.audiences.map((a) => (
          <FlagTag key={a} tone="neutral">
            {AUDIENCES[a]}
          </FlagTag>
        ))}
        {flags.appointment ? <FlagTag>可预约</FlagTag> : null}
        {flags.onlinePayment ? <FlagTag>网上缴费</FlagTag> : null}
        {flags.mailDelivery ? <FlagTag>可邮寄</FlagTag> : null}
        {flags.onlineApplication ? <FlagTag>可网上申办</FlagTag> : null}
      </View>
    </View>
  )
}
