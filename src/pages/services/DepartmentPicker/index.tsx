import { Picker, Text } from '@tarojs/components'
import type { Department } from '../../../../types/catalog'
import './index.scss'

interface DepartmentPickerProps {
  departments: Department[]
  value: string | null
  onChange: (departmentId: string | null) => void
}

/**
 * The host's own selector (WeChat's native picker; Taro's on H5): one column
 * of departments needs no JS picker in the main package.
 */
export function DepartmentPicker({ departments, value, onChange }: DepartmentPickerProps) {
  const labels = ['全部部门', ...departments.map((d) => `${d.name}（${d.matterCount}）`)]
  const index = Math.max(0, departments.findIndex((d) => d.id === value) + 1)
  const current = departments.find((d) => d.id === value)
  return (
    <Picker
      mode="selector"
      range={labels}
      value={index}
      onChange={(event) => {
        const picked = Number(event.detail.value)
        onChange(picked === 0 ? null : (departments[picked - 1]?.id ?? null))
      }}
    >
      <Text className="department-picker">{current ? current.name : '全部部门'} ▾</Text>
    </Picker>
  )
}
