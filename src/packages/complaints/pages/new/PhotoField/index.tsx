import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PickSource, UploadItem } from '../../../../prereview/upload'
import { PHOTO_MAX } from '../../../labels'
import './index.scss'

const SOURCE_LABELS: Partial<Record<PickSource, string>> = { camera: '拍照', album: '从相册选', file: '选择照片' }

interface PhotoFieldProps {
  /** Staged on the server: id and what shows it. */
  photos: Array<{ id: string; src: string }>
  /** On their way (compressing, uploading) or refused with the reason. */
  pending: Array<UploadItem & { src?: string }>
  sources: PickSource[]
  slotsLeft: number
  error?: string
  onAdd: (source: PickSource) => void
  onRemove: (photoId: string) => void
  onRetry: (itemId: string) => void
  onDrop: (itemId: string) => void
}

/** Up to three photos (选填): thumbnails, upload progress, a refusal with 重试 / 删除, and the ways to add one. */
export function PhotoField({ photos, pending, sources, slotsLeft, error, onAdd, onRemove, onRetry, onDrop }: PhotoFieldProps) {
  return (
    <View className={`photo-field${error ? ' photo-field--invalid' : ''}`}>
      <Text className="photo-field__label">照片（选填，最多{PHOTO_MAX}张）</Text>
      <View className="photo-field__grid">
        {photos.map((photo) => (
          <View key={photo.id} className="photo-field__tile photo-field__tile--done">
            <Image className="photo-field__image" src={photo.src} mode="aspectFill" nativeProps={{ alt: '已添加的照片' }} />
            <Text className="photo-field__remove" onClick={() => onRemove(photo.id)}>
              删除
            </Text>
          </View>
        ))}
        {pending.map((item) => (
          <View key={item.id} className={`photo-field__tile photo-field__tile--${item.state}`}>
            {item.src ? <Image className="photo-field__image" src={item.src} mode="aspectFill" nativeProps={{ alt: '正在上传的照片' }} /> : null}
            {item.state === 'failed' ? (
              <View className="photo-field__failed">
                <Text className="photo-field__reason">{item.error}</Text>
                <Text className="photo-field__action" onClick={() => onRetry(item.id)}>
                  重试
                </Text>
                <Text className="photo-field__action" onClick={() => onDrop(item.id)}>
                  删除
                </Text>
              </View>
            ) : (
              <Text className="photo-field__progress">{item.state === 'uploading' ? `上传中 ${Math.round(item.progress * 100)}%` : '处理中…'}</Text>
            )}
          </View>
        ))}
      </View>
      {slotsLeft > 0 ? (
        <View className="photo-field__sources">
          {sources.map((source) => (
            <Button key={source} size="small" fill="outline" type="primary" className={`photo-field__add photo-field__add--${source}`} onClick={() => onAdd(source)}>
              {SOURCE_LABELS[source] ?? '选择照片'}
            </Button>
          ))}
        </View>
      ) : null}
      {error ? <Text className="photo-field__error">{error}</Text> : null}
    </View>
  )
}
