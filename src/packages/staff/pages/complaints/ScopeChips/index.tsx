import { View, Text } from '@tarojs/components'
import { STATUS_LABELS, keysOf } from '../../../../complaints/labels'
import type { ComplaintScope } from '../../../StaffComplaintStore'
import './index.scss'

const SCOPES: Array<[ComplaintScope, string]> = [['open', '待处理'], ['all', '全部'], ...keysOf(STATUS_LABELS).map((status): [ComplaintScope, string] => [status, STATUS_LABELS[status]])]

/** 待处理 / 全部 / one status, as chips. */
export function ScopeChips({ scope, onChange }: { scope: ComplaintScope; onChange: (scope: ComplaintScope) => void }) {
  return (
    <View className="complaint-scopes">
      {SCOPES.map(([key, label]) => (
        <Text key={key} className={`complaint-scopes__chip complaint-scopes__chip--${key}${scope === key ? ' complaint-scopes__chip--active' : ''}`} onClick={() => onChange(key)}>
          {label}
        </Text>
      ))}
    </View>
  )
}
