import { View, Text, Picker } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ComplaintAction } from '../../../../../../types/complaints'
import type { Department } from '../../../../../../types/catalog'
import { FormField } from '../../../../../components/FormField'
import { ACTION_LABELS, REPLY_MAX } from '../../../../complaints/labels'
import type { ComplaintActionErrors } from '../../../StaffComplaintStore'
import { useActionPanel } from '../../../useActionPanel'
import './index.scss'

interface ComplaintActionsProps {
  /** The server's `allowedActions`; nothing else is offered. */
  actions: ComplaintAction[]
  departments: Department[]
  onAccept: () => Promise<ComplaintActionErrors>
  onReply: (text: string) => Promise<ComplaintActionErrors>
  onAssign: (departmentId: string | null) => Promise<ComplaintActionErrors>
  onDone: (message: string) => void
}

const ORDER: ComplaintAction[] = ['accept', 'reply', 'assign']

/** 受理 at once; 答复 and 指派部门 open their form (the reply text, the department). */
export function ComplaintActions({ actions, departments, onAccept, onReply, onAssign, onDone }: ComplaintActionsProps) {
  const { open, errors, busy, run, openForm } = useActionPanel<ComplaintAction, ComplaintActionErrors>(onDone)
  const [text, setText] = useState('')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const offered = ORDER.filter((action) => actions.includes(action))
  if (offered.length === 0) return null

  const choose = (action: ComplaintAction) => {
    if (action !== 'accept') return openForm(action)
    openForm(null)
    void run(onAccept, '已受理')
  }
  const department = departments.find((d) => d.id === departmentId)

  return (
    <View className="card complaint-actions">
      <Text className="card__title">处理</Text>
      <View className="complaint-actions__row">
        {offered.map((action) => (
          <Button key={action} type="primary" fill={open === action ? 'solid' : 'outline'} loading={busy && action === 'accept'} onClick={() => choose(action)}>
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </View>
      {open === 'reply' ? (
        <View className="complaint-actions__form">
          <FormField label="答复内容" error={errors.text}>
            <TextArea
              className="complaint-actions__text"
              value={text}
              maxLength={REPLY_MAX}
              placeholder="将通过消息通知群众，请说明核实和处理情况（至少10个字）"
              onChange={(value) => setText(value)}
            />
          </FormField>
          <Button type="primary" block loading={busy} onClick={() => void run(() => onReply(text), '已答复，群众将收到通知')}>
            提交答复
          </Button>
        </View>
      ) : null}
      {open === 'assign' ? (
        <View className="complaint-actions__form">
          <FormField label="承办部门" error={errors.department}>
            <Picker
              mode="selector"
              range={departments.map((d) => d.name)}
              value={Math.max(0, departments.findIndex((d) => d.id === departmentId))}
              onChange={(event) => setDepartmentId(departments[Number(event.detail.value)]?.id ?? null)}
            >
              <Text className="complaint-actions__department">{department ? department.name : '请选择部门'} ▾</Text>
            </Picker>
          </FormField>
          <Button type="primary" block loading={busy} onClick={() => void run(() => onAssign(departmentId), '已指派')}>
            确认指派
          </Button>
        </View>
      ) : null}
      {errors.form ? <Text className="complaint-actions__error">{errors.form}</Text> : null}
    </View>
  )
}
