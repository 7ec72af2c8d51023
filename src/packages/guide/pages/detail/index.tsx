import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import type { DocumentRef } from '../../../../../types/matters'
import { documentUrl } from '../../../../api/matters'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { toast } from '../../../../navigation'
import { prereviewPages } from '../../../prereview/routes'
import { bookingPages } from '../../../booking/routes'
import { previewDocument } from '../../../../platform/document'
import { openMap } from '../../../../platform/map'
import { callPhone } from '../../../../platform/phone'
import { GuideHeader } from './GuideHeader'
import { BasicInfo } from './BasicInfo'
import { Materials } from './Materials'
import { Conditions, ProcessSteps } from './ProcessSteps'
import { Location } from './Location'
import { Faqs } from './Faqs'
import { BottomBar } from './BottomBar'

const GuideDetailPage = observer(function GuideDetailPage() {
  const { catalog } = useStores()
  const id = useRouter().params.id ?? ''

  useLoad(() => {
    if (id) void catalog.loadMatter(id)
  })

  const matter = catalog.matter(id)
  const { status, error } = catalog.detailStatus(id)
  const title = matter?.name
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])

  if (!id) return <LoadState status="error" error="缺少事项编号" />
  if (!matter) {
    return (
      <PageShell name="guide">
        <LoadState status={status === 'error' ? 'error' : 'loading'} error={error} onRetry={() => void catalog.loadMatter(id, true)} rows={8} />
      </PageShell>
    )
  }

  const preview = (document: DocumentRef) => {
    previewDocument(documentUrl(document), document.fileName).catch((e: unknown) =>
      toast(e instanceof Error && e.message ? e.message : '文件打开失败'),
    )
  }
  const showMap = () => {
    const { hall } = matter
    openMap({ latitude: hall.latitude, longitude: hall.longitude, name: hall.name, address: hall.address }).catch(() =>
      toast('无法打开地图'),
    )
  }

  return (
    <PageShell name="guide" withBottomBar>
      <GuideHeader matter={matter} />
      <BasicInfo matter={matter} />
      <Conditions conditions={matter.conditions} />
      <Materials materials={matter.materials} onPreview={preview} />
      <ProcessSteps steps={matter.process} />
      <Location hall={matter.hall} onShowMap={showMap} />
      <Faqs
        faqs={matter.faqs}
        consultPhone={matter.consultPhone}
        supervisionPhone={matter.supervisionPhone}
        onCall={(phone) => void callPhone(phone)}
      />
      <BottomBar
        consultPhone={matter.consultPhone}
        onCall={(phone) => void callPhone(phone)}
        onShowMap={showMap}
        onBook={matter.flags.appointment ? () => void Taro.navigateTo({ url: bookingPages.book(matter.id) }) : undefined}
        onApply={matter.flags.onlineApplication ? () => void Taro.navigateTo({ url: prereviewPages.apply({ kind: 'matter', matterId: matter.id }) }) : undefined}
      />
    </PageShell>
  )
})

export default GuideDetailPage
