import { View, Text } from '@tarojs/components'
import type { Department } from '../../../../types/catalog'
import './index.scss'

interface DepartmentGridProps {
  departments: Department[]
  onPick: (departmentId: string) => void
}

/** 按部门: every department with matters, as a grid of short names. */
export function DepartmentGrid({ departments, onPick }: DepartmentGridProps) {
  const shown = departments.filter((d) => d.matterCount > 0)
  if (shown.length === 0) return null
  return (
    <View className="card department-grid">
      <Text className="card__title">按部门</Text>
      <View className="department-grid__items">
        {shown.map((department) => (
          <View
            key={department.id}
            className="department-grid__item"
            hoverClass="department-grid__item--pressed"
            onClick={() => onPick(department.id)}
          >
            <Text className="department-grid__name">{department.shortName || department.name}</Text>
            <Text className="department-grid__count">{department.matterCount} 项</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
