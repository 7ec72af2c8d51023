import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { MatterSummary } from '../../../types/matters'
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
          <Tag type="success" className="matter-row__tag">
            {visitsLabel(0)}
          </Tag>
        ) : null}
        {flags.appointment ? <Tag plain type="primary" className="matter-row__tag">可预约</Tag> : null}
        {flags.onlinePayment ? <Tag plain type="primary" className="matter-row__tag">网上缴费</Tag> : null}
        {flags.mailDelivery ? <Tag plain type="primary" className="matter-row__tag">可邮寄</Tag> : null}
      </View>
    </View>
  )
}
