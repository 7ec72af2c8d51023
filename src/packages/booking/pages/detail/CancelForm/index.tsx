import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { userMessage } from '../../../../../api/ApiError'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** The contract's bound (types/appointments.ts CancelAppointmentRequest). */
const REASON_MAX = 200

interface CancelFormProps {
  /** The server's cut-off for cancel and reschedule. */
  deadline: string
  /** The server says cancel and reschedule are allowed now. */
  canCancel: boolean
  onCancel: (reason: string) => Promise<void>
  onReschedule: () => void
}

/** 改约 / 取消预约 with the cut-off in plain sight; past it, only the reason why not. No pop-ups: the confirm is inline. */
export function CancelForm({ deadline, canCancel, onCancel, onReschedule }: CancelFormProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!canCancel) {
    return (
      <View className="card cancel-form">
        <Text className="cancel-form__deadline">已过取消和改约时限（{formatDateTime(deadline)}），如不能前来，请致电大厅说明。</Text>
      </View>
    )
  }

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await onCancel(reason)
      setOpen(false)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card cancel-form">
      <Text className="cancel-form__deadline">{formatDateTime(deadline)} 前可以改约或取消</Text>
      {open ? (
        <>
          <TextArea value={reason} maxLength={REASON_MAX} placeholder="取消原因（选填）" onChange={setReason} />
          {error ? <Text className="cancel-form__error">{error}</Text> : null}
          <View className="cancel-form__actions">
            <Button type="default" onClick={() => setOpen(false)}>
              不取消了
            </Button>
            <Button type="danger" loading={busy} onClick={() => void submit()}>
              确认取消预约
            </Button>
          </View>
        </>
      ) : (
        <View className="cancel-form__actions">
          <Button type="primary" fill="outline" onClick={onReschedule}>
            改约
          </Button>
          <Button type="default" onClick={() => setOpen(true)}>
            取消预约
          </Button>
        </View>
      )}
    </View>
  )
}
