import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { CitizenProfile } from '../../../../types/auth'
import { IDENTITY_LEVELS } from '../../../../types/enums'
import { FlagTag } from '../../../components/FlagTag'
import { wechatLogin } from '../../../platform/login'
import { caseRoutes, complaintRoutes, prereviewRoutes, routes } from '../../../routes'
import './index.scss'

interface CitizenCardProps {
  profile: CitizenProfile
  /** Unread messages in the message centre. */
  unread: number
  onSignOut: () => void
}

/** A signed-in citizen: masked phone and identity, never the full numbers. */
export function CitizenCard({ profile, unread, onSignOut }: CitizenCardProps) {
  const level = profile.identityLevel
  const canBindPhone = !profile.phoneMasked && wechatLogin.phoneButton
  return (
    <View className="citizen-card">
      <View className="card citizen-card__head">
        <Text className="citizen-card__phone">{profile.phoneMasked ?? '未绑定手机号'}</Text>
        <FlagTag tone={level === 'verified' ? 'success' : level === 'declared' ? 'warning' : 'neutral'}>
          {IDENTITY_LEVELS[level]}
        </FlagTag>
      </View>
      <CellGroup className="citizen-card__cells">
        {profile.realName ? (
          <>
            <Cell title="姓名" extra={profile.realName.nameMasked} />
            <Cell title="身份证号" extra={profile.realName.idNumberMasked} />
          </>
        ) : null}
        <Cell
          title="实名认证"
          extra={level === 'none' ? '去填写 ›' : `${IDENTITY_LEVELS[level]} ›`}
          clickable
          onClick={() => void Taro.navigateTo({ url: routes.realName })}
        />
        <Cell
          title="我的消息"
          extra={unread > 0 ? `${unread}条未读` : ''}
          clickable
          onClick={() => void Taro.navigateTo({ url: caseRoutes.messages })}
        />
        <Cell title="我的预审" clickable onClick={() => void Taro.navigateTo({ url: prereviewRoutes.mine })} />
        <Cell title="我的预约" clickable onClick={() => void Taro.navigateTo({ url: routes.myBookings })} />
        <Cell title="投诉建议" extra="12345" clickable onClick={() => void Taro.navigateTo({ url: complaintRoutes.mine })} />
        {canBindPhone ? (
          <Cell title="绑定手机号" extra="去绑定 ›" clickable onClick={() => void Taro.navigateTo({ url: routes.login })} />
        ) : null}
      </CellGroup>
      <View className="citizen-card__actions">
        <Button block fill="outline" type="default" onClick={onSignOut}>
          退出登录
        </Button>
      </View>
    </View>
  )
}
