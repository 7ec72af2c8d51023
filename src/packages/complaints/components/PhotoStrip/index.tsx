import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import './index.scss'

/** The complaint's photos as thumbnails; a tap opens them full screen (previewImage) from their signed URLs. */
export function PhotoStrip({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  return (
    <View className="photo-strip">
      {urls.map((url) => (
        <Image
          key={url}
          className="photo-strip__photo"
          src={url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}
