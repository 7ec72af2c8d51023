import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffPartDetail } from '../../../../../../types/prereviews'
import { PART_STATUSES } from '../../../../../../types/enums'
import './index.scss'

interface DecisionResultProps {
  detail: StaffPartDetail
  onBack: () => void
}

/** What the reply did: the part's new status, the notice sent, and the case it became (when it did). */
export function DecisionResult({ detail, onBack }: DecisionResultProps) {
  const { part } = detail
  const passed = detail.status === 'passed' || detail.status === 'tolerated'
  return (
    <View className="card decision-result">
      <Text className={`decision-result__status decision-result__status--${detail.status}`}>已答复：{PART_STATUSES[detail.status]}</Text>
      {part.reply ? <Text className="decision-result__reply">{part.reply}</Text> : null}
      {part.tolerance ? (
        <Text className="muted">
          容缺材料：{part.tolerance.materialNames.join('、')}，承诺 {part.tolerance.promisedOn} 前补交
        </Text>
      ) : null}
      {part.receipt ? (
        <View className="decision-result__case">
          <Text className="muted">已生成办件</Text>
          <Text className="decision-result__number">{part.receipt.caseNumber}</Text>
        </View>
      ) : passed ? (
        <Text className="muted">同一件事的其他部门全部通过后，将生成办件。</Text>
      ) : null}
      <Button block type="primary" onClick={onBack}>
        返回预审队列
      </Button>
    </View>
  )
}
