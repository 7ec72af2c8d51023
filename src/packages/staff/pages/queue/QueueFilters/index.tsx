import { View, Text, Picker } from '@tarojs/components'
import { CASE_STATUSES, LIGHTS, type CaseStatus, type Light } from '../../../../../../types/enums'
import type { QueueFilters as Filters } from '../../../../../stores/StaffCaseStore'
import './index.scss'

const LIGHT_KEYS = Object.keys(LIGHTS) as Light[]
const STATUS_KEYS = Object.keys(CASE_STATUSES) as CaseStatus[]
const STATUS_OPTIONS = ['全部状态', ...STATUS_KEYS.map((key) => CASE_STATUSES[key])]

interface QueueFiltersProps {
  filters: Filters
  onChange: (patch: Partial<Filters>) => void
}

/** Light chips, a status picker (WeChat's native one) and 未办结/全部. */
export function QueueFilters({ filters, onChange }: QueueFiltersProps) {
  const chip = (active: boolean, extra = '') => `queue-filters__chip${active ? ' queue-filters__chip--active' : ''}${extra}`
  return (
    <View className="queue-filters">
      <View className="queue-filters__row">
        <Text className={chip(filters.light === null)} onClick={() => onChange({ light: null })}>
          全部
        </Text>
        {LIGHT_KEYS.map((light) => (
          <Text
            key={light}
            className={chip(filters.light === light, ` queue-filters__chip--${light}`)}
            onClick={() => onChange({ light })}
          >
            {LIGHTS[light]}
          </Text>
        ))}
      </View>
      <View className="queue-filters__row">
        <Picker
          mode="selector"
          range={STATUS_OPTIONS}
          value={filters.status ? STATUS_KEYS.indexOf(filters.status) + 1 : 0}
          onChange={(e) => {
            const index = Number(e.detail.value)
            onChange({ status: index === 0 ? null : STATUS_KEYS[index - 1] })
          }}
        >
          <Text className={chip(filters.status !== null)}>{filters.status ? CASE_STATUSES[filters.status] : '全部状态'} ▾</Text>
        </Picker>
        <Text className={chip(filters.active)} onClick={() => onChange({ active: true })}>
          未办结
        </Text>
        <Text className={chip(!filters.active)} onClick={() => onChange({ active: false })}>
          含已办结
        </Text>
      </View>
    </View>
  )
}
