import { View, Text } from '@tarojs/components'
import type { CaseDeadline } from '../../../types/cases'
import { LIGHTS } from '../../../types/enums'
import './index.scss'

/**
 * The deadline light (亮灯) as the server computed it: a coloured badge
 * (正常 / 即将到期 / 已超期) and the server's own words (剩余1.5个工作日…).
 */
export function LightBadge({ deadline }: { deadline: CaseDeadline | null }) {
  if (!deadline) return null
  return (
    <View className="light-badge">
      <Text className={`light-badge__light light-badge__light--${deadline.light}`}>{LIGHTS[deadline.light]}</Text>
      <Text className="light-badge__label">
        {deadline.label}
        {deadline.paused ? '（计时暂停）' : ''}
      </Text>
      {deadline.calendarUnpublished ? <Text className="light-badge__note">该年度节假日安排尚未公布，期限可能调整</Text> : null}
    </View>
  )
}
