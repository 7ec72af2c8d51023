import Taro, { useDidShow, usePullDownRefresh, useReachBottom, stopPullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useRef } from 'react'
import type { PrereviewSummary } from '../../../../../types/prereviews'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { TAB_PAGES } from '../../../../routes'
import { GatePrompt } from '../../components/GatePrompt'
import { prereviewPages } from '../../routes'
import { useCitizenGuard } from '../../useCitizenGuard'
import { usePrereviews } from '../../usePrereviews'
import { PrereviewRow } from './PrereviewRow'

/** 我的预审: newest first; a draft opens the form again, anything else its detail. */
const PrereviewListPage = observer(function PrereviewListPage() {
  const prereviews = usePrereviews()
  const gate = useCitizenGuard(false)
  const { mine } = prereviews

  const shown = useRef(false)

  useEffect(() => {
    if (gate === 'ready') void mine.reload()
  }, [gate, mine])
  // Again on every later show: a status may have changed, and a draft may have been submitted.
  useDidShow(() => {
    if (shown.current && gate === 'ready') void mine.reload()
    shown.current = true
  })
  useReachBottom(() => void mine.loadMore())
  usePullDownRefresh(async () => {
    await mine.reload()
    stopPullDownRefresh()
  })

  if (gate !== 'ready') {
    return (
      <PageShell name="prereview-list">
        <GatePrompt gate={gate} />
      </PageShell>
    )
  }

  const open = (item: PrereviewSummary) => {
    void Taro.navigateTo({ url: item.status === 'draft' ? prereviewPages.draft(item.id) : prereviewPages.detail(item.id) })
  }

  let body
  if (mine.items.length === 0 && mine.status !== 'ready') {
    body = <LoadState status={mine.status === 'error' ? 'error' : 'loading'} error={mine.error} onRetry={() => void mine.reload()} rows={6} />
  } else if (mine.items.length === 0) {
    body = (
      <EmptyState
        title="还没有预审"
        description="在办事指南中点“在线预审”，提交材料后由窗口先行审核。"
        action={
          <Button type="primary" onClick={() => void Taro.switchTab({ url: TAB_PAGES.services })}>
            去办事
          </Button>
        }
      />
    )
  } else {
    body = (
      <View className="card">
        {mine.items.map((item) => (
          <PrereviewRow key={item.id} item={item} onOpen={open} />
        ))}
        {mine.hasMore ? (
          <Text className="muted" onClick={() => void mine.loadMore()}>
            {mine.status === 'loading' ? '加载中…' : '加载更多'}
          </Text>
        ) : null}
        {mine.status === 'error' ? <Text className="muted">{mine.error}</Text> : null}
      </View>
    )
  }

  return <PageShell name="prereview-list">{body}</PageShell>
})

export default PrereviewListPage
