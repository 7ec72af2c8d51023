import { View, Text } from '@tarojs/components'
import type { PrereviewDetail } from '../../../../../../types/prereviews'
import { PREREVIEW_STATUS_LABELS } from '../../../labels'
import { formatDateTime } from '../../../../../components/format'
import './index.scss'

/** What was applied for, its number and status as the server says. */
export function StatusHeader({ detail }: { detail: PrereviewDetail }) {
  return (
    <View className={`card status-header status-header--${detail.status}`}>
      <Text className="status-header__title">{detail.title}</Text>
      <Text className="status-header__status">{PREREVIEW_STATUS_LABELS[detail.status]}</Text>
      {detail.number ? <Text className="muted">预审编号 {detail.number}</Text> : null}
      {detail.submittedAt ? (
        <Text className="muted">
          提交时间 {formatDateTime(detail.submittedAt)}
          {detail.round > 1 ? ` · 第${detail.round}轮` : ''}
        </Text>
      ) : null}
      <Text className="muted">
        申请人 {detail.applicant.nameMasked}
        {detail.applicant.phoneMasked ? ` · ${detail.applicant.phoneMasked}` : ''}
      </Text>
    </View>
  )
}
