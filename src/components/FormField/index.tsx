import { View, Text } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import './index.scss'

interface FormFieldProps {
  label: string
  /** Shown beside the field; set before any request when local validation fails. */
  error?: string | null
  hint?: ReactNode
  extra?: ReactNode
}

export function FormField({ label, error, hint, extra, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      {/* A screen reader names the control by the group it is in: the label is not a <label> for it (Taro draws both). */}
      <View className="form-field__row" role="group" aria-label={label}>
        <Text className="form-field__label">{label}</Text>
        <View className="form-field__control">{children}</View>
        {extra ? <View className="form-field__extra">{extra}</View> : null}
      </View>
      {error ? (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      ) : hint ? (
        <Text className="form-field__hint">{hint}</Text>
      ) : null}
    </View>
  )
}
