import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MaterialState } from '../../../../../../types/prereviews'
import './index.scss'

interface SubmitBarProps {
  /** Required materials without a page that block submission. */
  missing: MaterialState[]
  /** Required but 可容缺: may follow after acceptance. */
  tolerable: MaterialState[]
  problem: string | null
  busy: boolean
  disabled: boolean
  label: string
  onSubmit: () => void
}

/** What is still missing, and 提交预审 (disabled while sending). */
export function SubmitBar({ missing, tolerable, problem, busy, disabled, label, onSubmit }: SubmitBarProps) {
  return (
    <View className="card submit-bar">
      {missing.length > 0 ? (
        <Text className="submit-bar__missing">尚缺必交材料：{missing.map((m) => m.slot.name).join('、')}</Text>
      ) : null}
      {tolerable.length > 0 ? (
        <Text className="submit-bar__tolerable">可容缺材料未上传：{tolerable.map((m) => m.slot.name).join('、')}（审核通过后按承诺日期补交）</Text>
      ) : null}
      {problem ? <Text className="submit-bar__problem">{problem}</Text> : null}
      <Button className="submit-bar__button" type="primary" block loading={busy} disabled={disabled || busy} onClick={onSubmit}>
        {label}
      </Button>
    </View>
  )
}
