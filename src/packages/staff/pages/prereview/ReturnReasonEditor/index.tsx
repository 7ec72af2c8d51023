import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { RETURN_REASONS } from '../../../../../../types/returnReasons'
import { userMessage } from '../../../../../api/ApiError'
import './index.scss'

interface ReturnReasonEditorProps {
  initialReason: string
  /** Sends the return; rejects with the server's reason (e.g. a return without a reason), shown here as is. */
  onReturn: (reason: string) => Promise<void>
  onCancel: () => void
}

/** Why a material goes back: the common reasons as tappable templates, plus free text. */
export function ReturnReasonEditor({ initialReason, onReturn, onCancel }: ReturnReasonEditorProps) {
  const [reason, setReason] = useState(initialReason)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const addTemplate = (template: string) => {
    setReason((current) => {
      const text = current.trim()
      if (text.includes(template)) return current
      return text ? `${text}；${template}` : template
    })
  }
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await onReturn(reason)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="return-reason">
      <Text className="return-reason__title">退回理由（点选常用理由，可修改补充）</Text>
      <View className="return-reason__templates">
        {RETURN_REASONS.map((template) => (
          <Text key={template} className="return-reason__template" onClick={() => addTemplate(template)}>
            {template}
          </Text>
        ))}
      </View>
      <TextArea
        className="return-reason__text"
        value={reason}
        maxLength={500}
        placeholder="告诉申请人哪里不符合要求、怎样改"
        onChange={setReason}
      />
      {error ? <Text className="return-reason__error">{error}</Text> : null}
      <View className="return-reason__buttons">
        <Button size="small" type="danger" loading={busy} disabled={busy} onClick={() => void submit()}>
          确认退回
        </Button>
        <Button size="small" fill="outline" type="default" disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
