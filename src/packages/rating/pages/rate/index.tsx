import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { EmptyState } from '../../../../components/EmptyState'
import { formatDateTime } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { routes } from '../../../../routes'
import { useStores } from '../../../../stores/context'
import { currentChannel } from '../../channel'
import { RatingForm } from '../../components/RatingForm'
import { ratingPages } from '../../routes'
import { useRating } from '../../useRating'
import './index.scss'

/** Rate a finished case (?caseId=) or a hall visit (?appointmentId=) — only what the server lists as rateable. */
const RatePage = observer(function RatePage() {
  const { session } = useStores()
  const rating = useRating()
  const { caseId = '', appointmentId = '' } = useRouter().params
  const signedIn = session.isCitizen

  useEffect(() => {
    if (signedIn) void rating.loadRateable()
  }, [signedIn, rating])

  if (session.restored && !signedIn) {
    return (
      <PageShell name="rate">
        <EmptyState
          title="请先登录"
          description="登录后评价您办理的事项；没有登录也可以凭办件编号和查询密码评价。"
          action={
            <Button type="primary" onClick={() => void Taro.navigateTo({ url: routes.login })}>
              去登录
            </Button>
          }
        />
      </PageShell>
    )
  }
  const item = caseId ? rating.rateableCase(caseId) : rating.rateableVisit(appointmentId)
  if (!item) {
    if (rating.rateableStatus !== 'ready') {
      return (
        <PageShell name="rate">
          <LoadState status={rating.rateableStatus === 'error' ? 'error' : 'loading'} error={rating.rateableError} onRetry={() => void rating.loadRateable()} />
        </PageShell>
      )
    }
    return (
      <PageShell name="rate">
        <EmptyState title="暂不能评价" description="该事项已评价，或尚未办结。差评整改回复后可再评价一次。" />
      </PageShell>
    )
  }

  const { target } = item
  return (
    <PageShell name="rate">
      <View className="card rate-target">
        <Text className="rate-target__matter">{target.matterName}</Text>
        <Text className="muted">
          {target.caseNumber ? `办件编号 ${target.caseNumber} · ` : ''}
          {target.departmentName}
        </Text>
        {item.reRate ? <Text className="rate-target__note">部门已整改并回复，您可以再评价一次。</Text> : null}
        {item.defaultsOn ? <Text className="muted">{formatDateTime(item.defaultsOn)} 前未评价的，系统默认为“基本满意”。</Text> : null}
      </View>
      <RatingForm
        dimension={target.dimension}
        submitLabel={item.reRate ? '提交再次评价' : '提交评价'}
        onSubmit={async (draft) => {
          const outcome = await rating.submit(item, draft, currentChannel())
          if (!outcome.ok) return outcome.errors
          toast(outcome.rating.bad ? '已提交，部门将核实整改并回复您' : '感谢您的评价')
          void Taro.redirectTo({ url: ratingPages.detail(outcome.rating.id) })
          return {}
        }}
      />
    </PageShell>
  )
})

export default RatePage
