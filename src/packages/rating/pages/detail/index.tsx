import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { FlagTag } from '../../../../components/FlagTag'
import { formatDateTime } from '../../../../components/format'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { BAD_STATUS_LABELS, CHANNEL_LABELS, DIMENSION_ITEMS, RATING_LEVEL_LABELS, TAG_LABELS, type ScoreItem } from '../../../../components/ratingLabels'
import { useStores } from '../../../../stores/context'
import { ReplyCard } from '../../components/ReplyCard'
import { ratingPages } from '../../routes'
import { useRating } from '../../useRating'
import './index.scss'

/** One of my ratings: level, scores, reasons; for a 差评 where it stands, the department's reply, and 再次评价 when allowed. */
const RatingDetailPage = observer(function RatingDetailPage() {
  const { session } = useStores()
  const rating = useRating()
  const id = useRouter().params.id ?? ''

  useDidShow(() => {
    // Opened from the message centre, or back from re-rating: the server's current answer.
    if (session.isCitizen && id) void rating.loadRating(id)
  })

  const detail = rating.ratingById(id)
  const { status, error } = rating.ratingStatus(id)
  if (!detail) {
    return (
      <PageShell name="rating-detail">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={session.restored && !session.isCitizen ? '请先登录后查看评价' : error} onRetry={() => void rating.loadRating(id)} />
      </PageShell>
    )
  }
  const items = DIMENSION_ITEMS[detail.target.dimension]
  const scored = (Object.keys(items) as ScoreItem[]).filter((item) => detail.scores?.[item])
  const rateAgain = () => {
    const { caseId, appointmentId } = detail.target
    void Taro.navigateTo({ url: caseId ? ratingPages.rateCase(caseId) : ratingPages.rateVisit(appointmentId ?? '') })
  }

  return (
    <PageShell name="rating-detail">
      <View className="card rating-detail">
        <Text className="rating-detail__matter">{detail.target.matterName}</Text>
        <Text className="muted">
          {detail.target.caseNumber ? `办件编号 ${detail.target.caseNumber} · ` : ''}
          {detail.target.departmentName}
        </Text>
        <View className="rating-detail__level-row">
          <Text className={`rating-detail__level${detail.bad ? ' rating-detail__level--bad' : ''}`}>{RATING_LEVEL_LABELS[detail.level]}</Text>
          {detail.round > 1 ? <FlagTag tone="primary">再次评价</FlagTag> : null}
          {detail.badStatus ? <FlagTag tone={detail.badStatus === 'rectified' ? 'success' : 'warning'}>{BAD_STATUS_LABELS[detail.badStatus]}</FlagTag> : null}
        </View>
        {detail.tags.length ? <Text className="rating-detail__tags">{detail.tags.map((tag) => TAG_LABELS[tag]).join('、')}</Text> : null}
        {detail.text ? <Text className="rating-detail__text">{detail.text}</Text> : null}
        {scored.map((item) => (
          <Text key={item} className="rating-detail__score">
            {items[item]} {'★'.repeat(detail.scores?.[item] ?? 0)}
          </Text>
        ))}
        <Text className="muted">
          {CHANNEL_LABELS[detail.channel]} · {formatDateTime(detail.createdAt)}
        </Text>
      </View>
      {detail.reply ? <ReplyCard reply={detail.reply} /> : null}
      {detail.bad && !detail.reply && detail.badStatus !== 'excluded' ? (
        <Text className="rating-detail__waiting muted">部门正在核实整改，完成后会在消息中心回复您。</Text>
      ) : null}
      {detail.canRateAgain ? (
        <View className="rating-detail__again">
          <Button type="primary" block size="large" onClick={rateAgain}>
            再次评价
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
})

export default RatingDetailPage
