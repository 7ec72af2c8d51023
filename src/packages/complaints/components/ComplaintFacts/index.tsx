import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ComplaintDetail } from '../../../../../types/complaints'
import { FlagTag } from '../../../../components/FlagTag'
import { formatDateTime } from '../../../../components/format'
import { LightBadge } from '../../../../components/LightBadge'
import { apiUrl } from '../../../../env'
import { CATEGORY_LABELS, KIND_LABELS, STATUS_LABELS } from '../../labels'
import { STATUS_TONES } from '../ComplaintRow'
import { PhotoStrip } from '../PhotoStrip'
import './index.scss'

interface ComplaintFactsProps {
  detail: ComplaintDetail
  /** Where the linked case opens (the citizen's case page, or the staff one); none: not a link. */
  caseUrl?: (caseId: string) => string
  /** Staff see who filed it (masked). */
  who?: string
}

/** What was filed: number, kind and category, status and the reply light, department, the text, photos and the linked case. */
export function ComplaintFacts({ detail, caseUrl, who }: ComplaintFactsProps) {
  return (
    <View className="card complaint-facts">
      <View className="complaint-facts__head">
        <Text className="complaint-facts__number">{detail.number}</Text>
        <FlagTag tone={STATUS_TONES[detail.status]} solid>
          {STATUS_LABELS[detail.status]}
        </FlagTag>
      </View>
      <Text className="complaint-facts__kind">
        {KIND_LABELS[detail.kind]} · {CATEGORY_LABELS[detail.category]}
      </Text>
      <LightBadge deadline={detail.deadline} />
      <Text className="complaint-facts__meta">
        {who ? `${who} · ` : ''}提交于 {formatDateTime(detail.createdAt)}
      </Text>
      <Text className="complaint-facts__meta">承办部门：{detail.department ? detail.department.name : '待平台指派'}</Text>
      <Text className="complaint-facts__content">{detail.content}</Text>
      <PhotoStrip urls={detail.photos.map((photo) => apiUrl(photo.url))} />
      {detail.case ? (
        <Text
          className={`complaint-facts__case${caseUrl ? ' complaint-facts__case--link' : ''}`}
          onClick={caseUrl && detail.case ? () => void Taro.navigateTo({ url: caseUrl(detail.case!.id) }) : undefined}
        >
          关联办件：{detail.case.number} {detail.case.matterName}
          {caseUrl ? ' ›' : ''}
        </Text>
      ) : null}
    </View>
  )
}
