import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { CASE_ACTIONS, CASE_ACTIONS_NEEDING_COMMENT, type CaseAction } from '../../../../../../types/enums'
import { ApiError, userMessage } from '../../../../../api/ApiError'
import { FormField } from '../../../../../components/FormField'
import { useConfirm } from '../../../../../components/ConfirmBar'
import './index.scss'

/** Refusing or returning a case: shown as a warning button. */
const NEGATIVE: readonly CaseAction[] = ['notAccept', 'reject', 'disapprove', 'requestCorrection']

interface ActionPanelProps {
  /** From the server's `allowedActions`; the client never works transitions out. */
  actions: CaseAction[]
  onAct: (action: CaseAction, comment: string) => Promise<void>
}

export function ActionPanel({ actions, onAct }: ActionPanelProps) {
  const [comment, setComment] = useState('')
  const [commentError, setCommentError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<CaseAction | null>(null)
  const { confirm, confirmBar } = useConfirm()

  if (actions.length === 0) {
    return (
      <View className="card">
        <Text className="muted">当前状态下没有可执行的办理操作。</Text>
      </View>
    )
  }

  const act = async (action: CaseAction) => {
    setFormError(null)
    if (CASE_ACTIONS_NEEDING_COMMENT.includes(action) && !comment.trim()) {
      setCommentError(`请填写${CASE_ACTIONS[action]}的意见或理由`)
      return
    }
    setCommentError(null)
    if (!(await confirm({ title: CASE_ACTIONS[action], content: `确定对本件执行“${CASE_ACTIONS[action]}”吗？` }))) return
    setBusy(action)
    try {
      await onAct(action, comment)
      setComment('')
    } catch (error) {
      if (error instanceof ApiError && error.field === 'comment') setCommentError(error.message)
      else setFormError(userMessage(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="card action-panel">
      <Text className="card__title">办理</Text>
      <FormField label="办理意见" error={commentError} hint="不受理、不予受理、补正、不通过和特别程序须填写理由">
        <TextArea className="action-panel__comment" value={comment} maxLength={1000} placeholder="办理意见（告知申请人）" onChange={setComment} />
      </FormField>
      {formError ? <Text className="action-panel__error">{formError}</Text> : null}
      <View className="action-panel__buttons">
        {actions.map((action) => (
          <Button
            key={action}
            size="small"
            type={NEGATIVE.includes(action) ? 'danger' : 'primary'}
            fill={NEGATIVE.includes(action) ? 'outline' : 'solid'}
            loading={busy === action}
            disabled={busy !== null}
            onClick={() => void act(action)}
          >
            {CASE_ACTIONS[action]}
          </Button>
        ))}
      </View>
      {confirmBar}
    </View>
  )
}
