import { View, Text } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PageShell } from '../../../../components/PageShell'
import { useStores } from '../../../../stores/context'
import './index.scss'

/** 设置: 长辈版 (elder mode) on or off, remembered on this device (ThemeStore). */
const SettingsPage = observer(function SettingsPage() {
  const { theme } = useStores()
  // Screen readers (H5 `role`, WeChat `aria-role`) hear one switch named 长辈版 and its state.
  const a11y = { role: 'switch', 'aria-role': 'switch', 'aria-checked': theme.elder ? 'true' : 'false', 'aria-label': '长辈版' }
  return (
    <PageShell name="settings">
      <View className="card">
        <View className={`settings-elder${theme.elder ? ' settings-elder--on' : ''}`} {...a11y} onClick={() => theme.setElder(!theme.elder)}>
          <View className="settings-elder__text">
            <Text className="settings-elder__title">长辈版</Text>
            <Text className="settings-elder__hint">字更大、按钮更大，确认操作在页面内完成，不弹窗</Text>
          </View>
          <View className="settings-elder__track">
            <View className="settings-elder__knob" />
          </View>
        </View>
        <Text className="settings-elder__state">{theme.elder ? '已开启长辈版' : '未开启长辈版'}</Text>
      </View>
      {/* Always drawn in elder sizes: what switching on looks like. */}
      <View className="card settings-preview page--elder">
        <Text className="settings-preview__label">长辈版效果预览</Text>
        <Text className="settings-preview__text">办事指南、办件进度等页面的文字都会这样显示。</Text>
      </View>
      <Text className="settings-note">设置保存在本机，下次打开仍然有效。</Text>
    </PageShell>
  )
})

export default SettingsPage
