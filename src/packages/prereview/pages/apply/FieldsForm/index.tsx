import { View, Text, Picker } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import type { FormField as Field } from '../../../../../../types/prereviews'
import { FormField } from '../../../../../components/FormField'
import { FIELD_MAX } from '../../../formRules'
import './index.scss'

interface FieldsFormProps {
  form: Field[]
  values: Record<string, string>
  errors: Record<string, string>
  onChange: (key: string, value: string) => void
}

function Control({ field, value, onChange }: { field: Field; value: string; onChange: (value: string) => void }) {
  const maxLength = Math.min(field.maxLength ?? FIELD_MAX, FIELD_MAX)
  const placeholder = field.placeholder ?? `请填写${field.label}`
  if (field.kind === 'textarea') return <TextArea value={value} maxLength={maxLength} placeholder={placeholder} onChange={onChange} />
  if (field.kind === 'date' || field.kind === 'select') {
    const options = field.options ?? []
    const shown = value || (field.kind === 'date' ? '请选择日期 ▾' : '请选择 ▾')
    return field.kind === 'date' ? (
      <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <Text className={value ? 'fields-form__picked' : 'fields-form__placeholder'}>{shown}</Text>
      </Picker>
    ) : (
      <Picker mode="selector" range={options} value={Math.max(0, options.indexOf(value))} onChange={(e) => onChange(options[Number(e.detail.value)] ?? '')}>
        <Text className={value ? 'fields-form__picked' : 'fields-form__placeholder'}>{shown}</Text>
      </Picker>
    )
  }
  return (
    <Input
      name={field.key}
      type={field.kind === 'number' ? 'digit' : 'text'}
      value={value}
      maxLength={maxLength}
      placeholder={placeholder}
      onChange={onChange}
    />
  )
}

/** The service's own application fields; a required one has a red mark, a wrong one its reason beside it. */
export function FieldsForm({ form, values, errors, onChange }: FieldsFormProps) {
  if (form.length === 0) return null
  return (
    <View className="card fields-form">
      <Text className="card__title">申请信息</Text>
      {form.map((field) => (
        <FormField key={field.key} label={`${field.required ? '*' : ''}${field.label}`} error={errors[field.key]}>
          <Control field={field} value={values[field.key] ?? ''} onChange={(value) => onChange(field.key, value)} />
        </FormField>
      ))}
    </View>
  )
}
