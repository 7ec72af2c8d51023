import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterDetail } from '../../../../../../types/matters'
import './index.scss'

interface LocationProps {
  hall: MatterDetail['hall']
  onShowMap: () => void
}

/** 办理地点: hall, windows, hours. */
export function Location({ hall, onShowMap }: LocationProps) {
  return (
    <View className="card location">
      <Text className="card__title">办理地点</Text>
      <Text className="location__hall">{hall.name}</Text>
      <Text className="location__line">地址：{hall.address}</Text>
      <Text className="location__line">时间：{hall.hoursText}</Text>
      {hall.windows.length > 0 ? <Text className="location__line">窗口：{hall.windows.join('、')}</Text> : null}
      <View className="location__actions">
        <Button size="small" type="primary" fill="outline" onClick={onShowMap}>
          查看地图
        </Button>
      </View>
    </View>
  )
}
