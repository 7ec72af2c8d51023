import { View, Text } from '@tarojs/components'
import type { FeeOrderItem } from '../../../../../types/payments'
import { formatFen } from '../../../../components/format'
import './index.scss'

interface Props {
  noticeNumber: string
  matterName: string
  departmentName: string
  items: FeeOrderItem[]
  amountFen: number
  /** 限缴日期 (orders) or nothing (receipts). */
  deadline?: string
}

/** 缴款单号, the lines and the total, as on a payment notice. */
export function FeeOrderFacts({ noticeNumber, matterName, departmentName, items, amountFen, deadline }: Props) {
  return (
    <View className="fee-facts">
      <Text className="fee-facts__amount">{formatFen(amountFen)}</Text>
      <Text className="muted">
        {matterName} · {departmentName}
      </Text>
      <View className="fee-facts__line">
        <Text className="muted">缴款单号</Text>
        <Text className="fee-facts__notice">{noticeNumber}</Text>
      </View>
      {deadline ? (
        <View className="fee-facts__line">
          <Text className="muted">限缴日期</Text>
          <Text>{deadline}</Text>
        </View>
      ) : null}
      {items.map((item, i) => (
        <View key={i} className="fee-facts__line fee-facts__item">
          <Text>
            {item.name}
            {item.quantity > 1 ? ` × ${item.quantity}${item.unit ? `（${item.unit}）` : ''}` : ''}
          </Text>
          <Text>{formatFen(item.unitFen * item.quantity)}</Text>
        </View>
      ))}
    </View>
  )
}
