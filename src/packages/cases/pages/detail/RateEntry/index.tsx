import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ratingPages } from '../../../../rating/routes'
import { useRating } from '../../../../rating/useRating'
import './index.scss'

/**
 * 评价 on a finished case, offered only while the server lists the case as
 * rateable (not yet rated, or again after a rectified 差评). Asked again each
 * time the page shows, so it disappears once rated.
 */
export const RateEntry = observer(function RateEntry({ caseId }: { caseId: string }) {
  const rating = useRating()
  useEffect(() => void rating.loadRateable(), [rating])
  // Back from rating: the server no longer lists it.
  useDidShow(() => void rating.loadRateable())
  const item = rating.rateableCase(caseId)
  if (!item) return null
  return (
    <View className="card rate-entry">
      <Text className="rate-entry__title">{item.reRate ? '部门已整改回复，欢迎再次评价' : '办件已办结，请您评价'}</Text>
      <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: ratingPages.rateCase(caseId) })}>
        {item.reRate ? '再次评价' : '评价'}
      </Button>
    </View>
  )
})
