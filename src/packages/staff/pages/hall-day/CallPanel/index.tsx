import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { CallNextResult } from '../../../../../../types/appointments'
import type { Outcome } from '../../../StaffBookingStore'
import './index.scss'

interface CallPanelProps {
  windowNumber: string | null
  lastCall: CallNextResult | null
  onCallNext: () => Promise<Outcome<CallNextResult>>
}

/** 叫号 at one window: the next checked-in number this window serves, and how many still wait. */
export function CallPanel({ windowNumber, lastCall, onCallNext }: CallPanelProps) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!windowNumber) {
    return (
      <View className="card call-panel">
        <Text className="muted">选择窗口后可叫号。</Text>
      </View>
    )
  }
  const call = async () => {
    setBusy(true)
    setError(null)
    const outcome = await onCallNext()
    setBusy(false)
    if (!outcome.ok) setError(outcome.message)
  }
  const called = lastCall?.appointment
  return (
    <View className="card call-panel">
      <Button type="primary" block loading={busy} onClick={() => void call()}>
        {windowNumber} 窗口叫号
      </Button>
      {error ? <Text className="call-panel__error">{error}</Text> : null}
      {lastCall ? (
        called ? (
          <Text className="call-panel__called">
            请 {called.queueNumber} 号（{called.citizenNameMasked}）到 {called.calledWindow ?? windowNumber} 窗口 · 还有 {lastCall.waiting} 人等候
          </Text>
        ) : (
          <Text className="muted">暂无等候的群众</Text>
        )
      ) : null}
    </View>
  )
}
