import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

interface BottomBarProps {
  consultPhone: string
  onCall: (phone: string) => void
  onShowMap: () => void
  /** 预约: offered when the service takes appointments. */
  onBook?: () => void
  /** 在线预审: offered when the service takes online applications. */
  onApply?: () => void
}

/**
 * Only actions that work today. 在线预审 and 预约 join here when they exist —
 * never as disabled "coming soon" buttons.
 */
export function BottomBar({ consultPhone, onCall, onShowMap, onBook, onApply }: BottomBarProps) {
  return (
    <View className="guide-bottom-bar">
      {consultPhone ? (
        <Button className="guide-bottom-bar__action" type="primary" onClick={() => onCall(consultPhone)}>
          电话咨询
        </Button>
      ) : null}
      <Button className="guide-bottom-bar__action" type="primary" fill="outline" onClick={onShowMap}>
        查看地图
      </Button>
      {onBook ? (
        <Button className="guide-bottom-bar__action" type="primary" onClick={onBook}>
          预约
        </Button>
      ) : null}
      {onApply ? (
        <Button className="guide-bottom-bar__action" type="primary" onClick={onApply}>
          在线预审
        </Button>
      ) : null}
    </View>
  )
}
