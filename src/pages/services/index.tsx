import Taro, { useDidShow, useReachBottom, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { openGuide } from '../../navigation'
import { prereviewRoutes } from '../../routes'
import { FilterBar } from './FilterBar'
import { MatterList } from './MatterList'

/** 办事: the whole catalog, filtered by audience, topic, department and search. */
const ServicesPage = observer(function ServicesPage() {
  const { catalog } = useStores()

  useDidShow(() => {
    void catalog.loadCatalog()
    if (catalog.listStatus === 'idle') void catalog.reloadList()
  })

  useReachBottom(() => {
    void catalog.loadMore()
  })

  usePullDownRefresh(async () => {
    await catalog.reloadList()
    stopPullDownRefresh()
  })

  return (
    <PageShell name="services">
      <View className="card" onClick={() => void Taro.navigateTo({ url: prereviewRoutes.bundles })}>
        <Text className="card__title">一件事一次办 ›</Text>
      </View>
      <FilterBar
        filters={catalog.filters}
        topics={catalog.topicNames(catalog.filters.audience)}
        departments={catalog.departments}
        onChange={(patch) => void catalog.setFilters(patch)}
        onClear={() => void catalog.resetFilters()}
      />
      <MatterList
        items={catalog.items}
        total={catalog.total}
        status={catalog.listStatus}
        error={catalog.listError}
        hasMore={catalog.hasMore}
        onOpen={(matter) => openGuide(matter.id)}
        onRetry={() => void (catalog.items.length ? catalog.loadMore() : catalog.reloadList())}
        onClearFilters={() => void catalog.resetFilters()}
      />
    </PageShell>
  )
})

export default ServicesPage
