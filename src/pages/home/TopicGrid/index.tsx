import { View, Text } from '@tarojs/components'
import { Tabs } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { Topic } from '../../../../types/catalog'
import { AUDIENCES, type Audience } from '../../../../types/enums'
import { LoadState } from '../../../components/LoadState'
import type { LoadStatus } from '../../../stores/loadState'
import './index.scss'

interface TopicGridProps {
  status: LoadStatus
  error: string | null
  topicsFor: (audience: Audience) => Topic[]
  onPick: (audience: Audience, topic: string) => void
  onRetry: () => void
}

const AUDIENCE_KEYS = Object.keys(AUDIENCES) as Audience[]

/** 个人办事 / 法人办事 topics (主题), as the catalog lists them. */
export function TopicGrid({ status, error, topicsFor, onPick, onRetry }: TopicGridProps) {
  const [audience, setAudience] = useState<Audience>('person')
  return (
    <View className="card topic-grid">
      <Tabs value={audience} onChange={(value) => setAudience(value as Audience)} activeType="line">
        {AUDIENCE_KEYS.map((key) => (
          <Tabs.TabPane key={key} value={key} title={AUDIENCES[key]} />
        ))}
      </Tabs>
      {status !== 'ready' ? (
        <LoadState status={status} error={error} onRetry={onRetry} rows={2} />
      ) : (
        <View className="topic-grid__items">
          {topicsFor(audience).map((topic) => (
            <View
              key={topic.name}
              className="topic-grid__item"
              hoverClass="topic-grid__item--pressed"
              onClick={() => onPick(audience, topic.name)}
            >
              <Text className="topic-grid__name">{topic.name}</Text>
              <Text className="topic-grid__count">{topic.matterCount} 项</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
