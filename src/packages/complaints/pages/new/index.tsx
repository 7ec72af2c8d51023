import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { FormField } from '../../../../components/FormField'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { toast } from '../../../../navigation'
import { complaintRoutes } from '../../../../routes'
import { useStores } from '../../../../stores/context'
import { useCitizenGuard } from '../../../prereview/useCitizenGuard'
import { pickFiles, pickSources, type PickSource } from '../../../prereview/upload'
import { charCount, type DraftErrors } from '../../complaintDraft'
import { ChoiceChips } from '../../components/ChoiceChips'
import { HotlineBar } from '../../components/HotlineBar'
import { CATEGORY_LABELS, CONTENT_MAX, KIND_LABELS, REPLY_DAYS } from '../../labels'
import { useComplaints } from '../../useComplaints'
import { LinkFields } from './LinkFields'
import { PhotoField } from './PhotoField'
import './index.scss'

const SOURCES = pickSources().filter((source) => source !== 'chat')

/** 我要投诉 / 提建议: kind, category, what happened, optionally one of my cases or a department, up to 3 photos. */
const NewComplaintPage = observer(function NewComplaintPage() {
  const { cases, catalog } = useStores()
  const complaints = useComplaints()
  const gate = useCitizenGuard(false)
  const caseId = useRouter().params.caseId
  const [errors, setErrors] = useState<DraftErrors>({})
  const draft = complaints.draft

  useEffect(() => {
    if (gate !== 'ready') return
    complaints.openDraft({ caseId })
    if (cases.mine.status === 'idle') void cases.mine.reload()
    void catalog.loadCatalog()
  }, [gate, caseId, complaints, cases, catalog])

  if (gate !== 'ready' || !draft) {
    return (
      <PageShell name="complaint-new">
        {gate === 'signIn' ? <Text className="card muted">请先登录后再提交投诉建议。</Text> : <LoadState status="loading" />}
        <HotlineBar />
      </PageShell>
    )
  }
  const change = (patch: Parameters<typeof complaints.update>[0], field: keyof DraftErrors) => {
    complaints.update(patch)
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }))
  }
  const addPhotos = async (source: PickSource) => {
    try {
      const message = complaints.addPhotos(await pickFiles(source, complaints.photoSlotsLeft))
      if (message) toast(message)
    } catch (error) {
      toast(error instanceof Error && error.message ? error.message : '未能选择照片')
    }
  }
  const submit = async () => {
    const outcome = await complaints.submit()
    if (outcome.ok) void Taro.redirectTo({ url: complaintRoutes.detail(outcome.complaint.id) })
    else setErrors(outcome.errors)
  }
  const linked = draft.caseId ? cases.caseById(draft.caseId) : undefined
  const myCases = cases.mine.items.map((c) => ({ id: c.id, number: c.number, matterName: c.matter.name }))
  if (linked && !myCases.some((c) => c.id === linked.id)) myCases.unshift({ id: linked.id, number: linked.number, matterName: linked.matter.name })

  return (
    <PageShell name="complaint-new">
      <View className="card">
        <ChoiceChips name="kind" labels={KIND_LABELS} value={draft.kind} onChange={(kind) => change({ kind }, 'kind')} />
        <Text className="complaint-new__note muted">提交后将由承办部门在{REPLY_DAYS}个工作日内答复，答复会通过消息通知您。</Text>
      </View>
      <View className="card">
        <Text className="card__title">类别</Text>
        <ChoiceChips name="category" labels={CATEGORY_LABELS} value={draft.category} onChange={(category) => change({ category }, 'category')} />
        {errors.category ? <Text className="complaint-new__error">{errors.category}</Text> : null}
      </View>
      <View className="card">
        <FormField label="具体情况" error={errors.content} hint={`${charCount(draft.content)}/${CONTENT_MAX}`}>
          <TextArea
            className="complaint-new__content"
            value={draft.content}
            maxLength={CONTENT_MAX}
            placeholder={draft.kind === 'complaint' ? '请写明时间、地点、经过和您的诉求（至少10个字）' : '请写下您的建议（至少10个字）'}
            onChange={(content) => change({ content }, 'content')}
          />
        </FormField>
        <LinkFields
          cases={myCases}
          caseId={draft.caseId}
          departments={catalog.departments}
          departmentId={draft.departmentId}
          errors={errors}
          onCase={(id) => change({ caseId: id }, 'case')}
          onDepartment={(id) => change({ departmentId: id }, 'department')}
        />
        <PhotoField
          photos={draft.photos.map((photo) => ({ id: photo.id, src: complaints.photoSource(photo) }))}
          pending={complaints.pendingPhotos.map((item) => ({ ...item, src: complaints.pendingSource(item.id) }))}
          sources={SOURCES}
          slotsLeft={complaints.photoSlotsLeft}
          error={errors.photos}
          onAdd={(source) => void addPhotos(source)}
          onRemove={(id) => complaints.removePhoto(id)}
          onRetry={(id) => complaints.uploads.retry(id)}
          onDrop={(id) => complaints.uploads.remove(id)}
        />
      </View>
      {errors.form || errors.kind ? <Text className="complaint-new__error complaint-new__error--form">{errors.form ?? errors.kind}</Text> : null}
      <View className="complaint-new__submit">
        <Button type="primary" block size="large" loading={complaints.submitting} onClick={() => void submit()}>
          提交{KIND_LABELS[draft.kind]}
        </Button>
      </View>
      <HotlineBar />
    </PageShell>
  )
})

export default NewComplaintPage
