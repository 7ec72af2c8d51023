import { View, Text } from '@tarojs/components'
import type { MaterialState } from '../../../../../../types/prereviews'
import { MATERIAL_VERDICT_LABELS } from '../../../labels'
import './index.scss'

/** Each material with the reviewers' latest verdicts (and the reason of a return). */
export function MaterialVerdicts({ materials }: { materials: MaterialState[] }) {
  return (
    <View className="card material-verdicts">
      <Text className="card__title">材料审核</Text>
      {materials.map((material) => (
        <View key={material.slot.key} className="material-verdicts__item">
          <View className="material-verdicts__head">
            <Text className="material-verdicts__name">{material.slot.name}</Text>
            <Text className="muted">{material.files.length > 0 ? `${material.files.length}页` : '未上传'}</Text>
          </View>
          {material.reviews.length === 0 ? <Text className="muted">待审核</Text> : null}
          {material.reviews.map((review) => (
            <Text key={review.partId} className={`material-verdicts__verdict material-verdicts__verdict--${review.verdict}`}>
              {review.departmentName}：{MATERIAL_VERDICT_LABELS[review.verdict]}
              {review.reason ? `，${review.reason}` : ''}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
