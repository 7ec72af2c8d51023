import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStaffList } from '../../useStaffList'
import { useStaffRatings } from '../../useStaffRatings'
import { LightFilter } from '../prereviews/LightFilter'
import { BadRatingList } from './BadRatingList'
import './index.scss'

/** The department's 差评, most urgent first (the server's order: open ones by rectification due time). */
const BadRatingsPage = observer(function BadRatingsPage() {
  const ratings = useStaffRatings()
  const { list, filters } = ratings
  const allowed = useStaffList(list)

  if (!allowed) {
    return (
      <PageShell name="bad-ratings">
        <LoadState status="loading" />
      </PageShell>
    )
  }
  const chip = (open: boolean, label: string) => (
    <Text className={`bad-ratings__scope${filters.open === open ? ' bad-ratings__scope--on' : ''}`} onClick={() => void ratings.setFilters({ open })}>
      {label}
    </Text>
  )
  return (
    <PageShell name="bad-ratings">
      <View className="bad-ratings__scopes">
        {chip(true, '待处理')}
        {chip(false, '全部差评')}
      </View>
      <LightFilter light={filters.light} onChange={(light) => void ratings.setFilters({ light })} />
      <BadRatingList list={list} empty={filters.open ? '没有待处理的差评' : '暂无差评'} />
    </PageShell>
  )
})

export default BadRatingsPage
