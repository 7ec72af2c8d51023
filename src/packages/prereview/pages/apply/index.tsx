import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { PrereviewTarget } from '../../../../../types/prereviews'
import { userMessage } from '../../../../api/ApiError'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { visitsLabel } from '../../../../components/format'
import { GatePrompt } from '../../components/GatePrompt'
import { MaterialCard } from '../../components/MaterialCard'
import { deliveryError, fieldErrors, missingMaterials } from '../../formRules'
import { subscribeMessages } from '../../platform/subscribe'
import { prereviewPages } from '../../routes'
import { useCitizenGuard } from '../../useCitizenGuard'
import { useMaterialActions } from '../../useMaterialActions'
import { usePrereviews } from '../../usePrereviews'
import { ApplicantCard } from './ApplicantCard'
import { DeliveryPicker } from './DeliveryPicker'
import { FieldsForm } from './FieldsForm'
import { SubmitBar } from './SubmitBar'
import './index.scss'

/**
 * 在线预审: the form of a service (?matterId=) or a 一件事 (?bundleId=), kept as
 * a draft on the device and the server (&id= reopens one), one card per
 * material, and 提交预审 — which first asks for subscribe messages (weapp).
 */
const ApplyPage = observer(function ApplyPage() {
  const prereviews = usePrereviews()
  const { matterId, bundleId, id } = useRouter().params
  const gate = useCitizenGuard(true)
  // Opened from 我的预审 with only the draft's id: its service or bundle comes from the server.
  const known = id && !matterId && !bundleId ? prereviews.prereviewById(id)?.target : undefined
  const knownKey = known ? (known.kind === 'matter' ? known.matterId : known.bundleId) : undefined
  const target = useMemo<PrereviewTarget | null>(
    () => (matterId ? { kind: 'matter', matterId } : bundleId ? { kind: 'bundle', bundleId } : known ?? null),
    // `known` is identified by its key (a new object on every render otherwise).
    [matterId, bundleId, knownKey],
  )
  useEffect(() => {
    if (gate === 'ready' && id && !matterId && !bundleId) void prereviews.loadPrereview(id)
  }, [gate, id, matterId, bundleId, prereviews])
  const [showErrors, setShowErrors] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [tapped, setTapped] = useState(false)
  // A second tap can arrive before React re-renders the disabled button: this guards the consent sheet too.
  const inTap = useRef(false)

  useEffect(() => {
    if (gate === 'ready' && target) void prereviews.openDraft(target, id)
  }, [gate, target, id, prereviews])
  useDidShow(() => void prereviews.loadTemplates())
  useDidHide(() => void (target && prereviews.saveNow(target)))

  const draft = target ? prereviews.draft(target) : undefined
  const detail = draft?.id ? prereviews.prereviewById(draft.id) : undefined
  const actions = useMaterialActions(prereviews, detail ?? null)
  const title = draft?.form?.title
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])

  if (!target && !id) return <LoadState status="error" error="缺少事项编号" />
  if (gate !== 'ready') {
    return (
      <PageShell name="apply">
        <GatePrompt gate={gate} />
      </PageShell>
    )
  }
  if (!target || !draft || !detail || !draft.form || draft.status !== 'ready') {
    const failure = draft?.status === 'error' ? draft.error : !target && id ? prereviews.detailStatus(id).error : null
    const retry = () => void (target ? prereviews.openDraft(target, id) : id && prereviews.loadPrereview(id))
    return (
      <PageShell name="apply">
        <LoadState status={failure ? 'error' : 'loading'} error={failure} onRetry={retry} rows={8} />
      </PageShell>
    )
  }

  const { form } = draft
  const errors = fieldErrors(detail.form, draft.fields)
  const deliveryProblem = deliveryError(draft.delivery)
  const { blocking, tolerable } = missingMaterials(detail.materials)
  const submitting = tapped || prereviews.isSubmitting(detail.id)

  const submit = () => {
    if (submitting || inTap.current) return
    setProblem(null)
    if (Object.keys(errors).length > 0 || deliveryProblem || blocking.length > 0) {
      setShowErrors(true)
      setProblem(blocking.length > 0 ? '请先上传全部必交材料' : '请按提示修改后再提交')
      return
    }
    if (actions.uploading) return setProblem('材料还在上传，请稍候再提交')
    inTap.current = true
    setTapped(true)
    // Asked first thing in the tap: WeChat shows its sheet only from a user's tap. A refusal never blocks.
    const ids = prereviews.templates.map((template) => template.templateId)
    const consent = subscribeMessages.available && ids.length > 0 ? subscribeMessages.request(ids) : Promise.resolve([])
    consent
      .then((accepted) => prereviews.submit(detail.id, accepted))
      .then((submitted) => void Taro.redirectTo({ url: prereviewPages.detail(submitted.id) }))
      .catch((error: unknown) => setProblem(userMessage(error)))
      .finally(() => {
        inTap.current = false
        setTapped(false)
      })
  }

  return (
    <PageShell name="apply">
      <View className="card">
        <Text className="card__title">{form.title}</Text>
        {form.parts.map((part) => (
          <Text key={part.matterId} className="apply__line">
            {part.matterName} · {part.departmentName}
          </Text>
        ))}
        <Text className="apply__line">
          预审通过后{form.visitsRequired === 0 ? '全程网办，无需到厅' : `需到大厅${visitsLabel(form.visitsRequired)}（核验原件）`}。草稿自动保存。
        </Text>
        {draft.saveError ? <Text className="apply__line apply__line--warning">{draft.saveError}</Text> : null}
      </View>
      <ApplicantCard applicant={detail.applicant} />
      <FieldsForm form={detail.form} values={draft.fields} errors={showErrors ? errors : {}} onChange={(key, value) => prereviews.setField(target, key, value)} />
      <DeliveryPicker delivery={draft.delivery} error={showErrors ? deliveryProblem : null} onChange={(delivery) => prereviews.setDelivery(target, delivery)} />
      <View className="card">
        <Text className="card__title">申请材料（{detail.materials.length}）</Text>
        <Text className="muted">可拍照或从相册、聊天记录中选择，每份材料可上传多页。照片会先在手机上检查清晰度并压缩。</Text>
      </View>
      {detail.materials.map((material) => (
        <MaterialCard key={material.slot.key} material={material} canRemove={() => true} {...actions.cardProps(material.slot.key)} />
      ))}
      <SubmitBar
        missing={blocking}
        tolerable={tolerable}
        problem={problem}
        busy={submitting}
        disabled={!detail.canSubmit}
        label="提交预审"
        onSubmit={submit}
      />
    </PageShell>
  )
})

export default ApplyPage
