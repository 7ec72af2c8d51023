import { View, Text, Picker } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { SlotTemplate, SlotTemplateChange } from '../../../../../../types/appointments'
import type { Outcome } from '../../../StaffBookingStore'
import { WEEKDAY_NAMES } from '../weekdays'
import './index.scss'

interface TemplateListProps {
  templates: SlotTemplate[]
  lastChange: SlotTemplateChange | null
  onUpdate: (id: string, patch: { capacity?: number; active?: boolean }) => Promise<Outcome<SlotTemplateChange>>
}

/** The hall's weekly slots, one service and weekday at a time; capacity changes and 停用 answer with what they touched. */
export function TemplateList({ templates, lastChange, onUpdate }: TemplateListProps) {
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [matterId, setMatterId] = useState<string | null>(null)
  const [weekday, setWeekday] = useState<number | null>(null)
  if (templates.length === 0) return <Text className="template-list__empty muted">本大厅还没有预约时段</Text>

  // One service and one weekday at a time: a busy hall has hundreds of weekly slots.
  const matters = [...new Map(templates.map((t) => [t.matter.id, t.matter])).values()].sort((a, b) => a.name.localeCompare(b.name))
  const matter = matters.find((m) => m.id === matterId) ?? matters[0]
  const ofMatter = templates.filter((t) => t.matter.id === matter.id)
  const weekdays = [...new Set(ofMatter.map((t) => t.weekday))].sort()
  const day = weekday !== null && weekdays.includes(weekday) ? weekday : weekdays[0]

  const update = async (t: SlotTemplate, patch: { capacity?: number; active?: boolean }) => {
    const outcome = await onUpdate(t.id, patch)
    setErrors((current) => ({ ...current, [t.id]: outcome.ok ? '' : outcome.message }))
    if (outcome.ok) setDrafts((current) => ({ ...current, [t.id]: '' }))
  }
  const shown = ofMatter.filter((t) => t.weekday === day).sort((a, b) => a.startTime.localeCompare(b.startTime))

  return (
    <View className="template-list">
      <Picker mode="selector" range={matters.map((m) => m.name)} value={matters.indexOf(matter)} onChange={(e) => setMatterId(matters[Number(e.detail.value)]?.id ?? null)}>
        <Text className="template-list__matter-picker">{matter.name} ▾</Text>
      </Picker>
      <View className="template-list__days">
        {weekdays.map((d) => (
          <Text key={d} className={`template-list__day${d === day ? ' template-list__day--on' : ''}`} onClick={() => setWeekday(d)}>
            {WEEKDAY_NAMES[d]}
          </Text>
        ))}
      </View>
      {shown.map((t) => (
        <View key={t.id} className={`template-list__row${t.active ? '' : ' template-list__row--inactive'}`}>
          <Text className="template-list__time">
            {WEEKDAY_NAMES[t.weekday]} {t.startTime}–{t.endTime} · 每时段 {t.capacity} 人{t.active ? '' : ' · 已停用'}
          </Text>
          <View className="template-list__edit">
            <Input className="template-list__capacity" name={`capacity-${t.id}`} type="digit" placeholder="新人数" value={drafts[t.id] ?? ''} onChange={(v) => setDrafts((c) => ({ ...c, [t.id]: v }))} />
            <Button size="small" type="primary" disabled={!drafts[t.id]} onClick={() => void update(t, { capacity: Number(drafts[t.id]) })}>
              改人数
            </Button>
            <Button size="small" type="default" onClick={() => void update(t, { active: !t.active })}>
              {t.active ? '停用' : '启用'}
            </Button>
          </View>
          {errors[t.id] ? <Text className="template-list__error">{errors[t.id]}</Text> : null}
          {lastChange?.template.id === t.id ? (
            <Text className="template-list__change">
              已调整 {lastChange.affectedSlots} 个未来时段
              {lastChange.overbookedSlots ? `，其中 ${lastChange.overbookedSlots} 个时段已约人数超过新人数（原预约保留）` : ''}
              {lastChange.notifiedCitizens ? `，已通知 ${lastChange.notifiedCitizens} 位群众` : ''}。
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
