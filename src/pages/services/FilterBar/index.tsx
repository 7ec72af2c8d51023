import { View, Text } from '@tarojs/components'
import { SearchBar, Tabs } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import type { Department } from '../../../../types/catalog'
import { AUDIENCES, type Audience } from '../../../../types/enums'
import type { MatterFilters } from '../../../stores/CatalogStore'
import { DepartmentPicker } from '../DepartmentPicker'
import './index.scss'

interface FilterBarProps {
  filters: MatterFilters
  topics: string[]
  departments: Department[]
  onChange: (patch: Partial<MatterFilters>) => void
  onClear: () => void
}

const ALL = 'all'
const AUDIENCE_TABS: { value: string; title: string }[] = [
  { value: ALL, title: '全部' },
  ...(Object.keys(AUDIENCES) as Audience[]).map((key) => ({ value: key, title: AUDIENCES[key] })),
]

export function FilterBar({ filters, topics, departments, onChange, onClear }: FilterBarProps) {
  const [q, setQ] = useState(filters.q)
  // The home page may set a query through the store.
  useEffect(() => setQ(filters.q), [filters.q])
  const filtered = Boolean(filters.q || filters.audience || filters.topic || filters.departmentId)

  return (
    <View className="filter-bar">
      <SearchBar
        className="filter-bar__search"
        shape="round"
        placeholder="事项名称、关键词或拼音首字母"
        value={q}
        maxLength={40}
        onChange={setQ}
        onSearch={(value) => onChange({ q: value.trim() })}
        onClear={() => onChange({ q: '' })}
      />
      <Tabs
        value={filters.audience ?? ALL}
        activeType="line"
        onChange={(value) =>
          onChange({ audience: value === ALL ? null : (value as Audience), topic: null })
        }
      >
        {AUDIENCE_TABS.map((tab) => (
          <Tabs.TabPane key={tab.value} value={tab.value} title={tab.title} />
        ))}
      </Tabs>
      {topics.length > 0 ? (
        <View className="filter-bar__chips">
          {topics.map((topic) => {
            const active = filters.topic === topic
            return (
              <Text
                key={topic}
                className={`filter-bar__chip${active ? ' filter-bar__chip--active' : ''}`}
                onClick={() => onChange({ topic: active ? null : topic })}
              >
                {topic}
              </Text>
            )
          })}
        </View>
      ) : null}
      <View className="filter-bar__row">
        <DepartmentPicker
          departments={departments}
          value={filters.departmentId}
          onChange={(departmentId) => onChange({ departmentId })}
        />
        {filtered ? (
          <Text className="filter-bar__clear" onClick={onClear}>
            清除筛选
          </Text>
        ) : null}
      </View>
    </View>
  )
}
