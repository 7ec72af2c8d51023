import { View, Text } from '@tarojs/components'
import type { RatingStatistics } from '../../../../../../types/ratings'
import { percentLabel } from '../chartGeometry'
import './index.scss'

/** The headline figures in large type: ratings, satisfaction rate, 差评, rectification rate. */
export function StatsSummary({ statistics }: { statistics: RatingStatistics }) {
  const figures: Array<[string, string, string]> = [
    ['评价总数', String(statistics.total), ''],
    ['满意率', percentLabel(statistics.satisfactionRate), 'good'],
    ['差评', String(statistics.bad), 'bad'],
    ['差评整改率', percentLabel(statistics.rectification.rectificationRate), ''],
  ]
  return (
    <View className="card stats-summary">
      <View className="stats-summary__grid">
        {figures.map(([label, value, tone]) => (
          <View key={label} className="stats-summary__figure">
            <Text className={`stats-summary__value${tone ? ` stats-summary__value--${tone}` : ''}`}>{value}</Text>
            <Text className="stats-summary__label">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="muted">
        其中系统默认好评 {statistics.systemDefault} 件；申诉成立不计入 {statistics.excluded} 件
      </Text>
    </View>
  )
}
