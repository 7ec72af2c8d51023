import { useLoad, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { PageShell } from '../../components/PageShell'
import { useStores } from '../../stores/context'
import { browseMatters, openGuide } from '../../navigation'
import { CityHeader } from './CityHeader'
import { TopicGrid } from './TopicGrid'
import { DepartmentGrid } from './DepartmentGrid'
import { HotMatters } from './HotMatters'

const HomePage = observer(function HomePage() {
  const store = useStores()
  const { catalog } = store

  useLoad(() => {
    void catalog.loadCatalog()
    void catalog.loadHot()
  })

  usePullDownRefresh(async () => {
    await Promise.all([catalog.loadCatalog(true), catalog.loadHot()])
    stopPullDownRefresh()
  })

  return (
    <PageShell name="home">
      <CityHeader matterCount={catalog.catalog?.matterCount} onSearch={(q) => browseMatters(store, { q })} />
      <TopicGrid
        status={catalog.catalogStatus}
        error={catalog.catalogError}
        topicsFor={(audience) => catalog.topicsFor(audience)}
        onRetry={() => void catalog.loadCatalog(true)}
        onPick={(audience, topic) => browseMatters(store, { audience, topic })}
      />
      <DepartmentGrid
        departments={catalog.departments}
        onPick={(departmentId) => browseMatters(store, { departmentId })}
      />
      <HotMatters
        status={catalog.hotStatus}
        matters={catalog.hot}
        onOpen={(matter) => openGuide(matter.id)}
        onMore={() => browseMatters(store, {})}
        onRetry={() => void catalog.loadHot()}
      />
    </PageShell>
  )
})

export default HomePage
