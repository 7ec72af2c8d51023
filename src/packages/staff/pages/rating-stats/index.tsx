import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, type ReactNode } from 'react'
import type { RatingGranularity } from '../../../../../types/enums'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { RATING_LEVEL_LABELS } from '../../../../components/ratingLabels'
import { useStaffGuard } from '../../useStaffGuard'
import { useStaffRatings } from '../../useStaffRatings'
import { groupBars, levelBars, percentLabel, rateLine, rectificationParts, trendColumns } from './chartGeometry'
import { HorizontalBars } from './HorizontalBars'
import { RateLine } from './RateLine'
import { StatsSummary } from './StatsSummary'
import { TrendColumns } from './TrendColumns'
import './index.scss'

const GRANULARITIES: Array<[RatingGranularity, string]> = [
  ['month', '按月'],
  ['week', '按周'],
]

function Chart({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <View className="card stats-chart">
      <Text className="card__title">{title}</Text>
      {note ? <Text className="stats-chart__note muted">{note}</Text> : null}
      {children}
    </View>
  )
}

/** 评价统计 for a department lead (admins: all departments): figures and charts drawn with views, the same in the mini-program and H5. */
const RatingStatsPage = observer(function RatingStatsPage() {
  const ratings = useStaffRatings()
  const allowed = useStaffGuard()
  const { statistics } = ratings

  useEffect(() => {
    if (allowed && ratings.statisticsStatus === 'idle') void ratings.loadStatistics()
  }, [allowed, ratings])
  usePullDownRefresh(() => void ratings.loadStatistics().finally(() => Taro.stopPullDownRefresh()))

  if (!allowed || !statistics) {
    return (
      <PageShell name="rating-stats">
        <LoadState
          status={ratings.statisticsStatus === 'error' ? 'error' : 'loading'}
          error={ratings.statisticsError}
          onRetry={() => void ratings.loadStatistics()}
          rows={6}
        />
      </PageShell>
    )
  }

  const { scope, trend, rectification } = statistics
  const line = rateLine(trend.map((period) => period.satisfactionRate))
  const columns = trendColumns(trend)
  return (
    <PageShell name="rating-stats">
      <View className="rating-stats__scope">
        <Text className="rating-stats__department">{scope.department ? scope.department.name : '全部部门'}</Text>
        <Text className="muted">
          {scope.from} 至 {scope.to}
        </Text>
      </View>
      <StatsSummary statistics={statistics} />
      <Chart title="评价等级分布">
        <HorizontalBars
          rows={levelBars(statistics.byLevel).map((bar) => ({
            key: bar.level,
            label: RATING_LEVEL_LABELS[bar.level],
            segments: [{ length: bar.length, tone: bar.level }],
            value: bar.valueLabel,
          }))}
        />
      </Chart>
      <View className="rating-stats__granularity">
        {GRANULARITIES.map(([key, label]) => (
          <Text
            key={key}
            className={`rating-stats__chip${ratings.granularity === key ? ' rating-stats__chip--on' : ''}`}
            onClick={() => void ratings.setGranularity(key)}
          >
            {label}
          </Text>
        ))}
      </View>
      <Chart title="评价数量趋势" note="蓝色为满意（含基本满意），红色为差评">
        <TrendColumns columns={columns} />
      </Chart>
      <Chart title="满意率趋势" note="无评价的时段不画点">
        <RateLine points={line.points} segments={line.segments} labels={columns.map((c) => (c.showLabel ? c.label : ''))} />
      </Chart>
      <Chart title="按事项" note="蓝色为满意，红色为差评">
        <HorizontalBars rows={groupRows(groupBars(statistics.byMatter, (m) => m.matterName, (m) => m.matterId))} />
      </Chart>
      <Chart title="按窗口">
        <HorizontalBars rows={groupRows(groupBars(statistics.byWindow, (w) => (w.window ? `${w.window}号窗口` : '未记录窗口'), (w) => w.window ?? '-'))} />
      </Chart>
      <Chart title="差评整改" note={`共 ${rectification.total} 条差评`}>
        <HorizontalBars
          rows={[
            { key: 'rate', label: '整改率', segments: [{ length: (rectification.rectificationRate ?? 0) * 100, tone: 'onTime' }], value: percentLabel(rectification.rectificationRate) },
            { key: 'timely', label: '按时整改率', segments: [{ length: (rectification.timelyRate ?? 0) * 100, tone: 'onTime' }], value: percentLabel(rectification.timelyRate) },
            ...rectificationParts(rectification).map((part) => ({
              key: part.key,
              label: part.label,
              segments: [{ length: part.length, tone: part.key }],
              value: `${part.count}条`,
            })),
          ]}
        />
      </Chart>
    </PageShell>
  )
})

function groupRows(bars: ReturnType<typeof groupBars>) {
  return bars.map((bar) => ({
    key: bar.key,
    label: bar.name,
    segments: [
      { length: bar.goodLength, tone: 'good' },
      { length: bar.badLength, tone: 'bad' },
    ],
    value: bar.valueLabel,
  }))
}

export default RatingStatsPage
