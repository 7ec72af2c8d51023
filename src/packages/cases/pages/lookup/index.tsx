import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { CASE_STATUSES } from '../../../../../types/enums'
import { CaseTimeline } from '../../../../components/CaseTimeline'
import { EmptyState } from '../../../../components/EmptyState'
import { LightBadge } from '../../../../components/LightBadge'
import { PageShell } from '../../../../components/PageShell'
import { goBackOr } from '../../../../navigation'
import { TAB_PAGES } from '../../../../routes'
import { useStores } from '../../../../stores/context'
import { ratingPages } from '../../../rating/routes'
import './index.scss'

/** Finished (办结) statuses: a receipt holder may rate these (the server decides; its check says why not). */
const FINISHED = ['approved', 'approvedWithTolerance', 'disapproved']

/**
 * The answer to an anonymous lookup (made on the 进度 tab): progress only —
 * status, light and timeline, and the applicant's masked name; 评价此件 once finished.
 */
const LookupResultPage = observer(function LookupResultPage() {
  const { cases } = useStores()
  const progress = cases.progress
  const back = () => goBackOr(TAB_PAGES.progress)

  if (!progress) {
    return (
      <PageShell name="lookup-result">
        <EmptyState
          title="请先查询"
          description="在“进度”页输入办件编号和查询密码，或扫描办件回执上的二维码。"
          action={
            <Button type="primary" onClick={back}>
              去查询
            </Button>
          }
        />
      </PageShell>
    )
  }
  return (
    <PageShell name="lookup-result">
      <View className="card lookup-result">
        <Text className="lookup-result__matter">{progress.matterName}</Text>
        <Text className="muted">
          办件编号 {progress.number} · {progress.departmentName}
        </Text>
        <Text className="muted">申请人 {progress.applicantNameMasked}</Text>
        <View className="lookup-result__status">
          <Text className="lookup-result__status-label">{CASE_STATUSES[progress.status]}</Text>
          <LightBadge deadline={progress.deadline} />
        </View>
      </View>
      <View className="card">
        <Text className="card__title">办理进度</Text>
        <CaseTimeline steps={progress.steps} />
      </View>
      {FINISHED.includes(progress.status) ? (
        <View className="lookup-result__again">
          <Button block type="primary" onClick={() => void Taro.navigateTo({ url: ratingPages.anonymous(true) })}>
            评价此件
          </Button>
        </View>
      ) : null}
      <View className="lookup-result__again">
        <Button block fill="outline" type="primary" onClick={back}>
          查询其他办件
        </Button>
      </View>
    </PageShell>
  )
})

export default LookupResultPage
