import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useRef } from 'react'
import type { Notification } from '../../../../../types/notifications'
import { EmptyState } from '../../../../components/EmptyState'
import { formatDateTime } from '../../../../components/format'
import { kindLabel } from '../../../../components/notificationLabels'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { toast } from '../../../../navigation'
import { userMessage } from '../../../../api/ApiError'
import { messageLink } from './messageLink'
import './index.scss'

/**
 * 消息中心: every notice the service sent the citizen, newest first, unread
 * ones marked (dot and 未读 for screen readers). Tapping one marks it read and
 * opens what it is about (messageLink). A WeChat subscribe message opens this
 * page with `?id=<message>`: that message is opened once it is listed.
 */
const MessagesPage = observer(function MessagesPage() {
  const { notifications, session } = useStores()
  const { list } = notifications
  const pending = useRef(useRouter().params.id ?? '')

  useDidShow(() => {
    if (session.isCitizen) void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  const open = (item: Notification) => {
    notifications.markRead(item.id).catch((e: unknown) => toast(userMessage(e)))
    const url = messageLink(item)
    if (url) void Taro.navigateTo({ url })
  }

  const readAll = () => void notifications.markAllRead().catch((e: unknown) => toast(userMessage(e)))

  useEffect(() => {
    const item = pending.current ? list.items.find((n) => n.id === pending.current) : undefined
    if (item) {
      pending.current = ''
      open(item)
    }
  })

  let body
  if (session.restored && !session.isCitizen) body = <EmptyState title="请先登录" description="登录后查看办件通知。" />
  else if (list.items.length === 0 && list.status !== 'ready')
    body = <LoadState status={list.status === 'error' ? 'error' : 'loading'} error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0) body = <EmptyState title="暂无消息" description="办件受理、补正、办结等通知会出现在这里。" />
  else body = list.items.map((item) => <MessageRow key={item.id} item={item} onOpen={open} />)

  return (
    <PageShell name="messages">
      {notifications.unread > 0 ? (
        <View className="messages__unread">
          <Text>{`${notifications.unread} 条未读`}</Text>
          <Button size="small" fill="outline" type="primary" onClick={readAll}>
            全部已读
          </Button>
        </View>
      ) : null}
      {body}
      {list.items.length > 0 && list.status === 'error' ? <LoadState status="error" error={list.error} onRetry={() => void list.loadMore()} /> : null}
    </PageShell>
  )
})

function MessageRow({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const label = kindLabel(item.kind)
  return (
    <View className={`message-row${item.read ? '' : ' message-row--unread'}`} onClick={() => onOpen(item)}>
      <View className="message-row__head">
        {item.read ? null : <View className="message-row__dot" />}
        {item.read ? null : <Text className="message-row__sr">未读</Text>}
        <Text className="message-row__title">{item.title}</Text>
        <Text className="message-row__time">{formatDateTime(item.createdAt)}</Text>
      </View>
      {label ? <Text className="message-row__kind">{label}</Text> : null}
      <Text className="message-row__body">{item.body}</Text>
    </View>
  )
}

export default MessagesPage
