import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { StaffAppointment } from '../../../../../../types/appointments'
import { FormField } from '../../../../../components/FormField'
import { codeScanner } from '../../../../../platform/scan'
import type { Outcome } from '../../../StaffBookingStore'
import './index.scss'

interface CheckInPanelProps {
  lastCheckIn: StaffAppointment | null
  onCheckIn: (code: string) => Promise<Outcome<StaffAppointment>>
}

/** 签到取号: scan the citizen's QR code (mini-program) or type the 8-character code. */
export function CheckInPanel({ lastCheckIn, onCheckIn }: CheckInPanelProps) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (text: string) => {
    setBusy(true)
    setError(null)
    const outcome = await onCheckIn(text)
    setBusy(false)
    if (outcome.ok) setCode('')
    else setError(outcome.message)
  }
  const scan = () =>
    void codeScanner.scan().then((text) => {
      if (text !== null) void submit(text)
    })

  return (
    <View className="card check-in-panel">
      <Text className="card__title">签到取号</Text>
      <FormField label="签到码" error={error}>
        <Input name="checkInCode" placeholder="8位签到码" maxLength={40} value={code} onChange={setCode} />
      </FormField>
      <View className="check-in-panel__actions">
        <Button type="primary" loading={busy} onClick={() => void submit(code)}>
          签到取号
        </Button>
        {codeScanner.available ? (
          <Button type="primary" fill="outline" onClick={scan}>
            扫码签到
          </Button>
        ) : null}
      </View>
      {lastCheckIn?.queueNumber ? (
        <View className="check-in-panel__result">
          <Text className="check-in-panel__queue">{lastCheckIn.queueNumber}</Text>
          <Text>
            {lastCheckIn.citizenNameMasked} · {lastCheckIn.matter.name} · {lastCheckIn.startTime}–{lastCheckIn.endTime}
          </Text>
          {lastCheckIn.windowNumbers.length ? <Text className="muted">办理窗口：{lastCheckIn.windowNumbers.join('、')}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
