import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { IDENTITY_LEVELS } from '../../../../../types/enums'
import { LoadState } from '../../../../components/LoadState'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import { goBackOr, toast } from '../../../../navigation'
import { routes, TAB_PAGES } from '../../../../routes'
import { RealNameForm } from './RealNameForm'
import './index.scss'

/** 实名认证: declare name and resident ID; recorded as declared, not verified. */
const RealNamePage = observer(function RealNamePage() {
  const { session } = useStores()

  useEffect(() => {
    if (session.restored && !session.isCitizen) void Taro.redirectTo({ url: routes.login })
  }, [session.restored, session.isCitizen])

  if (!session.restored || !session.citizen) {
    return (
      <PageShell name="real-name">
        <LoadState status="loading" />
      </PageShell>
    )
  }

  const { realName, identityLevel } = session.citizen
  return (
    <PageShell name="real-name">
      <View className="card real-name__explain">
        <Text className="card__title">关于实名信息</Text>
        <Text className="real-name__text">
          您填写的姓名和身份证号会记录为“{IDENTITY_LEVELS.declared}”：系统只核对号码格式与校验位，尚未通过公安等官方渠道核验。
          办理需要核验身份的事项时，窗口或后续在线核验会再次确认。
        </Text>
      </View>
      {realName ? (
        <View className="card real-name__current">
          <Text>当前状态：{IDENTITY_LEVELS[identityLevel]}</Text>
          <Text className="muted">
            {realName.nameMasked} · {realName.idNumberMasked}
          </Text>
        </View>
      ) : null}
      {identityLevel === 'verified' ? (
        <View className="card">
          <Text>您的身份已核验，如需修改请到大厅窗口办理。</Text>
          <Button block type="primary" onClick={() => goBackOr(TAB_PAGES.me)}>
            返回
          </Button>
        </View>
      ) : (
        <View className="card">
          <RealNameForm
            submitLabel={realName ? '更新实名信息' : '提交'}
            onSubmitted={() => {
              toast('已保存')
              goBackOr(TAB_PAGES.me)
            }}
          />
        </View>
      )}
    </PageShell>
  )
})

export default RealNamePage
