import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CHART_HEIGHT, CHART_WIDTH, type LinePoint, type LineSegment } from '../chartGeometry'
import './index.scss'

const px = (n: number) => Taro.pxTransform(n)

/**
 * 满意率趋势: a line of thin rotated views between points, labelled with the
 * rate; guides at 100% and 50%. A period without ratings leaves a gap.
 */
export function RateLine({ points, segments, labels }: { points: Array<LinePoint | null>; segments: LineSegment[]; labels: string[] }) {
  return (
    <View className="rate-line" style={{ width: px(CHART_WIDTH) }}>
      <View className="rate-line__plot" style={{ height: px(CHART_HEIGHT) }}>
        <View className="rate-line__guide" style={{ top: 0 }}>
          <Text className="rate-line__guide-label">100%</Text>
        </View>
        <View className="rate-line__guide" style={{ top: px(CHART_HEIGHT / 2) }}>
          <Text className="rate-line__guide-label">50%</Text>
        </View>
        {segments.map((segment, i) => (
          <View
            key={i}
            className="rate-line__segment"
            style={{ left: px(segment.left), top: px(segment.top), width: px(segment.length), transform: `rotate(${segment.angle}deg)` }}
          />
        ))}
        {points.map((point, i) =>
          point ? (
            <View key={i} className="rate-line__point" style={{ left: px(point.x), top: px(point.y) }}>
              {point.showLabel ? <Text className="rate-line__value">{point.label}</Text> : null}
            </View>
          ) : null,
        )}
      </View>
      <View className="rate-line__axis">
        {labels.map((label, i) => (
          <Text key={i} className="rate-line__label" style={{ left: px((CHART_WIDTH / labels.length) * i), width: px(CHART_WIDTH / labels.length) }}>
            {label}
          </Text>
        ))}
      </View>
    </View>
  )
}
