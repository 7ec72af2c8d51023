import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { PrereviewFile } from '../../../../../../types/prereviews'
import { prereviewFileUrl } from '../../../../../api/staffPrereviews'
import { toast } from '../../../../../navigation'
import { previewDocument } from '../../../../../platform/document'
import './index.scss'

/** The browser and WeChat can draw these; HEIC and PDF open as documents instead. */
const isDrawable = (file: PrereviewFile) => file.mimeType === 'image/jpeg' || file.mimeType === 'image/png'

interface MaterialPagesProps {
  materialName: string
  files: PrereviewFile[]
}

/**
 * A material's pages as thumbnails. A photo opens full screen with pinch zoom
 * and swiping through the material's other photos (`previewImage`, on weapp
 * and H5); a PDF opens in the platform's own viewer, straight from our API.
 */
export function MaterialPages({ materialName, files }: MaterialPagesProps) {
  if (files.length === 0) return <Text className="muted">未上传</Text>
  const photos = files.filter(isDrawable).map(prereviewFileUrl)
  const open = (file: PrereviewFile) => {
    const url = prereviewFileUrl(file)
    if (isDrawable(file)) {
      void Taro.previewImage({ urls: photos, current: url })
      return
    }
    const extension = file.mimeType === 'application/pdf' ? 'pdf' : 'heic'
    previewDocument(url, `${materialName}.${extension}`).catch((e: unknown) =>
      toast(e instanceof Error && e.message ? e.message : '文件打开失败，请稍后重试'),
    )
  }
  return (
    <View className="material-pages">
      {files.map((file, index) => (
        <View key={file.id} className="material-pages__page" onClick={() => open(file)}>
          {isDrawable(file) ? (
            <Image className="material-pages__thumb" src={prereviewFileUrl(file)} mode="aspectFill" lazyLoad nativeProps={{ alt: `${materialName} 第${index + 1}页` }} />
          ) : (
            <View className="material-pages__doc">
              <Text>{file.mimeType === 'application/pdf' ? 'PDF' : 'HEIC'}</Text>
            </View>
          )}
          <Text className="material-pages__index">第{index + 1}页</Text>
        </View>
      ))}
    </View>
  )
}
