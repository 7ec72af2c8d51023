import { View, Text } from '@tarojs/components'
import { Collapse } from '@nutui/nutui-react-taro'
import { ArrowDown } from '@nutui/icons-react-taro'
import type { Faq } from '../../../../../../types/matters'
import './index.scss'

interface FaqsProps {
  faqs: Faq[]
  consultPhone: string
  supervisionPhone: string
  onCall: (phone: string) => void
}

/** 咨询与监督 and 常见问题. */
export function Faqs({ faqs, consultPhone, supervisionPhone, onCall }: FaqsProps) {
  return (
    <>
      <View className="card contacts">
        <Text className="card__title">咨询与监督</Text>
        {consultPhone ? (
          <View className="contacts__row" onClick={() => onCall(consultPhone)}>
            <Text>咨询电话</Text>
            <Text className="contacts__phone">{consultPhone}</Text>
          </View>
        ) : null}
        {supervisionPhone ? (
          <View className="contacts__row" onClick={() => onCall(supervisionPhone)}>
            <Text>监督投诉电话</Text>
            <Text className="contacts__phone">{supervisionPhone}</Text>
          </View>
        ) : null}
      </View>
      {faqs.length > 0 ? (
        <View className="card faqs">
          <Text className="card__title">常见问题</Text>
          <Collapse accordion expandIcon={<ArrowDown />}>
            {faqs.map((faq, index) => (
              <Collapse.Item key={index} name={String(index)} title={faq.question}>
                <Text className="faqs__answer">{faq.answer}</Text>
              </Collapse.Item>
            ))}
          </Collapse>
        </View>
      ) : null}
    </>
  )
}
