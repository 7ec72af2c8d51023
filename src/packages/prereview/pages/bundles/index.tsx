import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { EmptyState } from '../../../../components/EmptyState'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { prereviewPages } from '../../routes'
import { usePrereviews } from '../../usePrereviews'
import { BundleCard } from './BundleCard'

/** 一件事一次办: services of several departments applied for with one form and one set of materials. */
const BundlesPage = observer(function BundlesPage() {
  const prereviews = usePrereviews()

  useLoad(() => {
    if (prereviews.bundlesStatus !== 'ready') void prereviews.loadBundles()
  })

  const { bundles, bundlesStatus, bundlesError } = prereviews
  let body
  if (bundlesStatus !== 'ready') {
    body = <LoadState status={bundlesStatus === 'error' ? 'error' : 'loading'} error={bundlesError} onRetry={() => void prereviews.loadBundles()} rows={6} />
  } else if (bundles.length === 0) body = <EmptyState title="暂无一件事主题" />
  else {
    body = bundles.map((bundle) => (
      <BundleCard
        key={bundle.id}
        bundle={bundle}
        onApply={() => void Taro.navigateTo({ url: prereviewPages.apply({ kind: 'bundle', bundleId: bundle.id }) })}
      />
    ))
  }

  return (
    <PageShell name="bundles">
      <View className="card">
        <Text className="muted">一张表单、一套材料，各部门同时审核，全部通过后分别生成办件。共用的材料只需提交一次。</Text>
      </View>
      {body}
    </PageShell>
  )
})

export default BundlesPage
