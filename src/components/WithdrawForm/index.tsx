import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { userMessage } from '../../api/ApiError'
import { useConfirm } from '../ConfirmBar'
import { FormField } from '../FormField'
import './index.scss'

/** The contract's bounds (WithdrawRequest in types/cases.ts, WithdrawPrereviewRequest in types/prereviews.ts). */
const REASON_MIN = 2
const REASON_MAX = 200

/**
 * 撤回 with a reason, for whatever the server says may be withdrawn now (a case,
 * a pre-review): `what` names it in the labels (申请, 预审).
 */
export function WithdrawForm({ what, onWithdraw }: { what: string; onWithdraw: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { confirm, confirmBar } = useConfirm()

  if (!open) {
    return (
      <View className="withdraw-form withdraw-form--closed">
        <Button block fill="outline" type="default" onClick={() => setOpen(true)}>
          撤回{what}
        </Button>
      </View>
    )
  }

  const submit = async () => {
    const text = reason.trim()
    if (text.length < REASON_MIN || text.length > REASON_MAX) return setError(`请填写撤回原因（${REASON_MIN}–${REASON_MAX}字）`)
    setError(null)
    if (!(await confirm({ title: `撤回${what}`, content: `撤回后本次${what}结束，如需办理须重新申请。确定撤回吗？` }))) return
    setBusy(true)
    try {
      await onWithdraw(text)
      setOpen(false)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card withdraw-form">
      <Text className="card__title">撤回{what}</Text>
      <FormField label="撤回原因" error={error}>
        <TextArea value={reason} maxLength={REASON_MAX} placeholder="请说明撤回原因" onChange={setReason} />
      </FormField>
      <View className="withdraw-form__actions">
        <Button type="default" onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button type="danger" loading={busy} onClick={() => void submit()}>
          确认撤回
        </Button>
      </View>
      {confirmBar}
    </View>
  )
}
