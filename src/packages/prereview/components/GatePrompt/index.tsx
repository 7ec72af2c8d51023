import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LoadState } from '../../../../components/LoadState'
import { routes } from '../../../../routes'
import type { CitizenGate } from '../../useCitizenGuard'
import './index.scss'

/** What a pre-review page shows until the citizen is signed in (and, to apply, has declared a real name). */
export function GatePrompt({ gate }: { gate: Exclude<CitizenGate, 'ready'> }) {
  if (gate === 'wait') return <LoadState status="loading" rows={5} />
  const signIn = gate === 'signIn'
  return (
    <View className="card gate-prompt">
      <Text className="gate-prompt__text">
        {signIn ? '在线预审需要登录，登录后材料和草稿会保存在您的账号下。' : '在线预审需要实名信息，请先填写姓名和身份证号。'}
      </Text>
      <Button type="primary" block onClick={() => void Taro.navigateTo({ url: signIn ? routes.login : routes.realName })}>
        {signIn ? '去登录' : '去实名'}
      </Button>
    </View>
  )
}
