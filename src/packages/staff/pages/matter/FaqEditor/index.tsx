import { View, Text } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { Faq } from '../../../../../../types/matters'
import './index.scss'

/** The contract's limits for a guide's FAQ. */
export const MAX_FAQS = 30
const QUESTION_LENGTH = { min: 2, max: 200 }
const ANSWER_LENGTH = { min: 2, max: 1000 }

/** One message per FAQ ('' when fine), in order. */
export function faqProblems(faqs: Faq[]): string[] {
  return faqs.map(({ question, answer }) => {
    const q = question.trim().length
    const a = answer.trim().length
    if (q < QUESTION_LENGTH.min || q > QUESTION_LENGTH.max) return `问题需${QUESTION_LENGTH.min}–${QUESTION_LENGTH.max}个字`
    if (a < ANSWER_LENGTH.min || a > ANSWER_LENGTH.max) return `回答需${ANSWER_LENGTH.min}–${ANSWER_LENGTH.max}个字`
    return ''
  })
}

interface FaqEditorProps {
  faqs: Faq[]
  errors: string[]
  onChange: (faqs: Faq[]) => void
}

export function FaqEditor({ faqs, errors, onChange }: FaqEditorProps) {
  const update = (index: number, patch: Partial<Faq>) =>
    onChange(faqs.map((faq, i) => (i === index ? { ...faq, ...patch } : faq)))
  const remove = (index: number) => onChange(faqs.filter((_, i) => i !== index))

  return (
    <View className="faq-editor">
      {faqs.map((faq, index) => (
        <View key={index} className="faq-editor__item">
          <View className="faq-editor__head">
            <Text className="faq-editor__index">问题 {index + 1}</Text>
            <Text className="faq-editor__remove" onClick={() => remove(index)}>
              删除
            </Text>
          </View>
          <Input
            className="faq-editor__question"
            placeholder="问题"
            maxLength={QUESTION_LENGTH.max}
            value={faq.question}
            onChange={(question) => update(index, { question })}
          />
          <TextArea
            className="faq-editor__answer"
            placeholder="回答"
            maxLength={ANSWER_LENGTH.max}
            value={faq.answer}
            rows={4}
            onChange={(answer) => update(index, { answer })}
          />
          {errors[index] ? (
            <Text className="faq-editor__error">
              {errors[index]}
            </Text>
          ) : null}
        </View>
      ))}
      {faqs.length < MAX_FAQS ? (
        <Button size="small" fill="outline" type="primary" onClick={() => onChange([...faqs, { question: '', answer: '' }])}>
          添加问题
        </Button>
      ) : null}
    </View>
  )
}
