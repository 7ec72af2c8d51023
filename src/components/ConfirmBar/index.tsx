import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useOptionalStores } from '../../stores/context'
import './index.scss'

export interface ConfirmRequest {
  title: string
  content: string
  /** The confirming button's label; 确定 when omitted. */
  confirmText?: string
}

/**
 * One way to ask "are you sure?": WeChat's modal in the standard theme, and in
 * elder mode (长辈版, no pop-ups) a strip in the page itself. Render
 * `confirmBar` where the strip belongs (next to the button that asked).
 */
export function useConfirm(): { confirm: (request: ConfirmRequest) => Promise<boolean>; confirmBar: ReactNode } {
  const stores = useOptionalStores()
  const [request, setRequest] = useState<ConfirmRequest | null>(null)
  const answer = useRef<((ok: boolean) => void) | null>(null)

  const confirm = useCallback(
    (next: ConfirmRequest) => {
      if (!stores?.theme.elder) {
        const labels = next.confirmText ? { confirmText: next.confirmText } : {} // an undefined key would blank Taro H5's default
        return Taro.showModal({ title: next.title, content: next.content, ...labels }).then((r) => r.confirm)
      }
      answer.current?.(false) // a newer question replaces an unanswered one
      setRequest(next)
      return new Promise<boolean>((resolve) => {
        answer.current = resolve
      })
    },
    [stores],
  )

  useEffect(() => {
    // The strip may appear below the fold (under the button that asked): bring it into view.
    if (request) Promise.resolve(Taro.pageScrollTo({ selector: '.confirm-bar', duration: 200 })).catch(() => undefined)
  }, [request])

  const reply = (ok: boolean) => {
    answer.current?.(ok)
    answer.current = null
    setRequest(null)
  }

  return { confirm, confirmBar: request ? <ConfirmBar request={request} onReply={reply} /> : null }
}

function ConfirmBar({ request, onReply }: { request: ConfirmRequest; onReply: (ok: boolean) => void }) {
  return (
    <View className="confirm-bar" role="group" aria-label={request.title}>
      <Text className="confirm-bar__title">{request.title}</Text>
      <Text className="confirm-bar__content">{request.content}</Text>
      <View className="confirm-bar__buttons">
        <Button className="confirm-bar__cancel" type="default" onClick={() => onReply(false)}>
          取消
        </Button>
        <Button className="confirm-bar__ok" type="primary" onClick={() => onReply(true)}>
          {request.confirmText ?? '确定'}
        </Button>
      </View>
    </View>
  )
}
