import { View, Text } from '@tarojs/components'
import type { CaseStep } from '../../../types/cases'
import { CASE_STATUSES, STEP_OUTCOMES } from '../../../types/enums'
import { formatDateTime } from '../format'
import './index.scss'

/** A case's steps, newest first: when, which status, 通过/退回/其他, who, and the comment. */
export function CaseTimeline({ steps }: { steps: CaseStep[] }) {
  if (steps.length === 0) return <Text className="muted">暂无办理记录</Text>
  const newestFirst = [...steps].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <View className="case-timeline">
      {newestFirst.map((step, index) => (
        <View key={`${step.at}-${index}`} className={`case-timeline__step${index === 0 ? ' case-timeline__step--current' : ''}`}>
          <View className="case-timeline__head">
            <Text className="case-timeline__status">{CASE_STATUSES[step.status]}</Text>
            <Text className={`case-timeline__outcome case-timeline__outcome--${step.outcome}`}>{STEP_OUTCOMES[step.outcome]}</Text>
          </View>
          <Text className="case-timeline__meta">
            {formatDateTime(step.at)} · {step.actor}
          </Text>
          {step.comment ? <Text className="case-timeline__comment">{step.comment}</Text> : null}
        </View>
      ))}
    </View>
  )
}
