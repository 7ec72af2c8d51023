import { View, Text } from '@tarojs/components'
import type { PrereviewDetail } from '../../../../../../types/prereviews'
import './index.scss'

/** Who applies, as the real-name profile says (masked); it is not typed into the form. */
export function ApplicantCard({ applicant }: { applicant: PrereviewDetail['applicant'] }) {
  return (
    <View className="card applicant-card">
      <Text className="card__title">申请人</Text>
      <View className="applicant-card__row">
        <Text className="applicant-card__label">姓名</Text>
        <Text>{applicant.nameMasked}</Text>
      </View>
      {applicant.idNumberMasked ? (
        <View className="applicant-card__row">
          <Text className="applicant-card__label">身份证号</Text>
          <Text>{applicant.idNumberMasked}</Text>
        </View>
      ) : null}
      {applicant.phoneMasked ? (
        <View className="applicant-card__row">
          <Text className="applicant-card__label">手机号</Text>
          <Text>{applicant.phoneMasked}</Text>
        </View>
      ) : null}
    </View>
  )
}
