import { View, Text } from '@tarojs/components'
import type { MatterSummary } from '../../../types/matters'
import { FlagTag } from '../FlagTag'
import { limitLabel, visitsLabel } from '../format'
import './index.scss'

interface MatterRowProps {
  matter: MatterSummary
  onOpen: (matter: MatterSummary) => void
}

/** One matter in a list: what a citizen needs to decide whether to open the guide. */
export function MatterRow({ matter, onOpen }: MatterRowProps) {
  const { flags } = matter
  return (
    <View className="matter-row" onClick={() => onOpen(matter)} hoverClass="matter-row--pressed">
      <Text className="matter-row__name">{matter.name}</Text>
      <Text className="matter-row__department">{matter.department.name}</Text>
      <View className="matter-row__facts">
        <Text className="matter-row__fact">承诺时限 {limitLabel(matter.promisedLimitDays)}</Text>
        <Text className="matter-row__fact">
          {matter.visitsRequired === 0 ? '无需到现场' : `到现场 ${matter.visitsRequired} 次`}
        </Text>
      </View>
      <View className="matter-row__tags">
        {matter.visitsRequired === 0 ? (
          <FlagTag tone="success" solid>
            {visitsLabel(0)}
          </FlagTag>
        ) : null}
        {flags.appointment ? <FlagTag>可预约</FlagTag> : null}
        {flags.onlinePayment ? <FlagTag>网上缴费</FlagTag> : null}
        {flags.mailDelivery ? <FlagTag>可邮寄</FlagTag> : null}
      </View>
    </View>
  )
}
