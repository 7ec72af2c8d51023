import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MaterialState, PrereviewDetail } from '../../../../../../types/prereviews'
import { MaterialCard } from '../../../components/MaterialCard'
import { isReturnedPage } from '../../../formRules'
import './index.scss'

interface CorrectionProps {
  detail: PrereviewDetail
  /** Only the materials a reviewer returned. */
  materials: MaterialState[]
  cardProps: (slotKey: string) => Omit<Parameters<typeof MaterialCard>[0], 'material' | 'canRemove'>
  problem: string | null
  busy: boolean
  onResubmit: () => void
}

/** 补正: the returned materials only, each with the reason; new pages replace the returned ones on resubmission. */
export function Correction({ detail, materials, cardProps, problem, busy, onResubmit }: CorrectionProps) {
  return (
    <View className="correction">
      <View className="card correction__intro">
        <Text className="card__title">需要补正的材料（{materials.length}）</Text>
        <Text className="muted">请按退回原因重新上传以下材料，其他材料无需改动。原页面标为“已退回”，重新提交后由新页面替换。</Text>
      </View>
      {materials.map((material) => {
        // The returned pages stay in view (marked 已退回) beside their replacements.
        const pages = { ...material, files: [...material.earlierFiles.filter((file) => isReturnedPage(detail, file)), ...material.files] }
        const reason = material.reviews
          .filter((review) => review.verdict === 'return')
          .map((review) => (review.reason ? `${review.departmentName}：${review.reason}` : review.departmentName))
          .join('；')
        return (
          <MaterialCard
            key={material.slot.key}
            material={pages}
            returnReason={reason}
            isReturned={(file) => isReturnedPage(detail, file)}
            canRemove={(file) => !isReturnedPage(detail, file)}
            {...cardProps(material.slot.key)}
          />
        )
      })}
      <View className="card correction__submit">
        {problem ? <Text className="correction__problem">{problem}</Text> : null}
        <Button type="primary" block loading={busy} disabled={busy || !detail.canSubmit} onClick={onResubmit}>
          补正后重新提交
        </Button>
      </View>
    </View>
  )
}
