import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import type { Notification } from '../../../../../types/notifications'
import { EmptyState } from '../../../../components/EmptyState'
import { formatDateTime } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { toast } from '../../../../navigation'
import { caseRoutes } from '../../../../routes'
import { userMessage } from '../../../../api/ApiError'
import { ratingPages } from '../../../rating/routes'
import { paymentPages } from '../../../payment/routes'
import './index.scss'

/** 消息中心: every notice about the citizen's cases, newest first; opening one marks it read. */
const MessagesPage = observer(function MessagesPage() {
  const { notifications, session } = useStores()
  const { list } = notifications

  useDidShow(() => {
    if (session.isCitizen) void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  const open = (item: Notification) => {
    notifications.markRead(item.id).catch((e: unknown) => toast(userMessage(e)))
    // A rating reply opens the rating (reply and 再次评价); a fee its order; other notices their case.
    if (item.subject?.kind === 'rating') void Taro.navigateTo({ url: ratingPages.detail(item.subject.id) })
    else if (item.subject?.kind === 'payment') void Taro.navigateTo({ url: paymentPages.order(item.subject.id) })
    else if (item.caseId) void Taro.navigateTo({ url: caseRoutes.detail(item.caseId) })
  }

  let body
  if (session.restored && !session.isCitizen) body = <EmptyState title="请先登录" description="登录后查看办件通知。" />
  else if (list.items.length === 0 && list.status !== 'ready')
    body = <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0) body = <EmptyState title="暂无消息" description="办件受理、补正、办结等通知会出现在这里。" />
  else
    body = list.items.map((item) => (
      <View key={item.id} className={`message-row${item.read ? '' : ' message-row--unread'}`} onClick={() => open(item)}>
        <View className="message-row__head">
          <Text className="message-row__title">{item.title}</Text>
          <Text className="message-row__time">{formatDateTime(item.createdAt)}</Text>
        </View>
        <Text className="message-row__body">{item.body}</Text>
      </View>
    ))

  return (
    <PageShell name="messages">
      {body}
      {list.items.length > 0 && list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
    </PageShell>
  )
})

export default MessagesPage
