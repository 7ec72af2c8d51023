import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import './index.scss'

/** The complaint's photos as thumbnails; a tap opens them full screen (previewImage) from their signed URLs. */
export function PhotoStrip({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null
  return (
    <View className="photo-strip">
      {urls.map((url, index) => (
        <Image
          key={url}
          className="photo-strip__photo"
          src={url}
          mode="aspectFill"
          nativeProps={{ alt: `照片${index + 1}` }}
          onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => undefined)}
        />
      ))}
    </View>
  )
}
