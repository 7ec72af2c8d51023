import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CHART_HEIGHT, CHART_WIDTH, type Column } from '../chartGeometry'
import './index.scss'

const px = (n: number) => Taro.pxTransform(n)

/** 评价数量趋势: columns (good below, 差评 on top) with their totals above and the period below. */
export function TrendColumns({ columns }: { columns: Column[] }) {
  return (
    <View className="trend-columns" style={{ width: px(CHART_WIDTH) }}>
      <View className="trend-columns__plot" style={{ height: px(CHART_HEIGHT) }}>
        {columns.map((column) => (
          <View key={column.period} className="trend-columns__column" style={{ left: px(column.left), width: px(column.width) }}>
            {column.total > 0 ? <Text className="trend-columns__total">{column.total}</Text> : null}
            <View className="trend-columns__bad" style={{ height: px(column.badHeight) }} />
            <View className="trend-columns__good" style={{ height: px(column.goodHeight) }} />
          </View>
        ))}
      </View>
      <View className="trend-columns__axis">
        {columns.map((column) => (
          <Text key={column.period} className="trend-columns__label" style={{ left: px(column.left - 20), width: px(column.width + 40) }}>
            {column.showLabel ? column.label : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}
