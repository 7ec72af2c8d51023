import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { inputValue } from '../../../../../components/inputValue'
import { parseReceiptCode, type ReceiptCode } from '../../../../../components/receiptCode'
import { codeScanner } from '../../../../../platform/scan'
import type { AnonymousChannel } from '../../../RatingStore'
import './index.scss'

interface ReceiptEntryProps {
  initialNumber: string
  busy: boolean
  error: string | null
  onCheck: (code: ReceiptCode, channel: AnonymousChannel) => void
}

/** The receipt's number and query password, typed in or read from its QR code (PYC1:…). */
export function ReceiptEntry({ initialNumber, busy, error, onCheck }: ReceiptEntryProps) {
  const [code, setCode] = useState<ReceiptCode>({ number: initialNumber, password: '' })
  const [scanError, setScanError] = useState<string | null>(null)

  const scan = () =>
    void codeScanner.scan().then((text) => {
      if (text === null) return
      const scanned = parseReceiptCode(text)
      if (!scanned) return setScanError('不是办件回执二维码')
      setScanError(null)
      setCode(scanned)
      onCheck(scanned, 'qrCode')
    })

  const field = (name: keyof ReceiptCode, label: string) => (
    <View className="receipt-entry__field">
      <Text className="receipt-entry__label">{label}</Text>
      <Input
        className="receipt-entry__input"
        name={name === 'number' ? 'ratingNumber' : 'ratingPassword'}
        password={name === 'password'}
        placeholder="见办件回执"
        maxlength={name === 'number' ? 50 : 20}
        value={code[name]}
        onInput={(e) => {
          const value = inputValue(e)
          setCode((current) => ({ ...current, [name]: value }))
        }}
      />
    </View>
  )

  const problem = scanError ?? error
  return (
    <View className="card receipt-entry">
      <Text className="card__title">凭办件回执评价</Text>
      <Text className="muted">无需登录，输入回执上的办件编号和查询密码{codeScanner.available ? '，或扫描回执上的二维码' : ''}。</Text>
      {field('number', '办件编号')}
      {field('password', '查询密码')}
      {problem ? <Text className="receipt-entry__error">{problem}</Text> : null}
      <Button type="primary" block loading={busy} onClick={() => onCheck(code, 'mobile')}>
        去评价
      </Button>
      {codeScanner.available ? (
        <Button block fill="outline" type="primary" onClick={scan}>
          扫码评价
        </Button>
      ) : null}
    </View>
  )
}
