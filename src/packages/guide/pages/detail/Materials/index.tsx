import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DocumentRef, Material } from '../../../../../../types/matters'
import { FlagTag } from '../../../../../components/FlagTag'
import './index.scss'

interface MaterialsProps {
  materials: Material[]
  onPreview: (document: DocumentRef) => void
}

function copiesText(material: Material): string {
  const parts: string[] = []
  if (material.originals > 0) parts.push(`原件 ${material.originals} 份`)
  if (material.copies > 0) parts.push(`复印件 ${material.copies} 份`)
  return parts.join('，') || '无需纸质件'
}

/** 申请材料: what to bring, with the blank form and a filled sample where there is one. */
export function Materials({ materials, onPreview }: MaterialsProps) {
  return (
    <View className="card materials">
      <Text className="card__title">申请材料（{materials.length}）</Text>
      {materials.map((material, index) => (
        <View key={material.id} className="materials__item">
          <View className="materials__head">
            <Text className="materials__name">
              {index + 1}. {material.name}
            </Text>
          </View>
          <View className="materials__tags">
            {material.required ? (
              <FlagTag tone="danger" solid>
                必要
              </FlagTag>
            ) : (
              <FlagTag tone="neutral">非必要</FlagTag>
            )}
            {material.acceptsTolerance ? <FlagTag tone="warning">可容缺</FlagTag> : null}
          </View>
          <Text className="materials__line">{copiesText(material)}</Text>
          {material.issuer ? <Text className="materials__line">来源：{material.issuer}</Text> : null}
          {material.notes ? <Text className="materials__line">说明：{material.notes}</Text> : null}
          {material.template || material.sample ? (
            <View className="materials__docs">
              {material.template ? (
                <Button size="small" fill="outline" type="primary" onClick={() => onPreview(material.template!)}>
                  空白表格
                </Button>
              ) : null}
              {material.sample ? (
                <Button size="small" fill="outline" type="primary" onClick={() => onPreview(material.sample!)}>
                  填写样例
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
