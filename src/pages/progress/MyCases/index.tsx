import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import type { CaseSummary } from '../../../../types/cases'
import { CASE_STATUSES, LIGHTS } from '../../../../types/enums'
import { LoadState } from '../../../components/LoadState'
import type { PagedList } from '../../../stores/PagedList'
import { caseRoutes } from '../../../routes'
import './index.scss'

/**
 * 我的办件: the signed-in citizen's cases with status and light, each opening
 * its detail (cases subpackage). Plain markup: this tab is in the main package.
 */
export const MyCases = observer(function MyCases({ list }: { list: PagedList<CaseSummary> }) {
  useEffect(() => {
    if (list.status === 'idle') void list.reload()
  }, [list, list.status])

  return (
    <View className="card my-cases">
      <Text className="card__title">我的办件</Text>
      {list.items.map((item) => (
        <View key={item.id} className="my-cases__row" onClick={() => void Taro.navigateTo({ url: caseRoutes.detail(item.id) })}>
          <Text>{item.matter.name}</Text>
          <Text className="muted">
            {item.number} · {CASE_STATUSES[item.status]}
          </Text>
          {item.deadline ? (
            <Text className={`my-cases__light my-cases__light--${item.deadline.light}`}>
              {LIGHTS[item.deadline.light]} {item.deadline.label}
            </Text>
          ) : null}
        </View>
      ))}
      {list.status === 'error' || list.status === 'loading' ? (
        <LoadState status={list.status} error={list.error} onRetry={() => void (list.items.length ? list.loadMore() : list.reload())} />
      ) : (
        <Text className="muted">{list.total ? `共 ${list.total} 件` : '暂无办件'}</Text>
      )}
    </View>
  )
})
