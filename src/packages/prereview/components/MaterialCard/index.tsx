import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DocumentRef } from '../../../../../types/matters'
import type { MaterialState, PrereviewFile } from '../../../../../types/prereviews'
import { signedFileUrl } from '../../../../api/prereviews'
import { FlagTag } from '../../../../components/FlagTag'
import type { HeldPhoto } from '../../useMaterialPicker'
import type { PickSource, UploadItem } from '../../upload/types'
import { UploadRow } from './UploadRow'
import './index.scss'

export const SOURCE_LABELS: Record<PickSource, string> = {
  camera: '拍照',
  album: '相册',
  chat: '聊天文件',
  file: '选择文件',
}

interface MaterialCardProps {
  material: MaterialState
  uploads: UploadItem[]
  held: HeldPhoto[]
  sources: PickSource[]
  /** Pages the reviewer returned (shown as 已退回 in a correction). */
  isReturned?: (file: PrereviewFile) => boolean
  /** Pages the citizen may still delete (not yet submitted). */
  canRemove: (file: PrereviewFile) => boolean
  /** The reviewer's reason, shown on top in a correction. */
  returnReason?: string
  onAdd: (source: PickSource) => void
  onRetry: (uploadId: string) => void
  onDismiss: (uploadId: string) => void
  onKeepHeld: (photo: HeldPhoto) => void
  onRetake: (photo: HeldPhoto) => void
  onRemoveFile: (file: PrereviewFile) => void
  onOpenDocument: (document: DocumentRef) => void
  onOpenPdf: (file: PrereviewFile) => void
}

/**
 * One material to attach: what it is (必交 / 选交 / 可容缺), the blank form and
 * sample, its pages (thumbnails or PDF chips), each upload with its progress,
 * a photo held back by the on-device check, and one add button per source.
 */
export function MaterialCard(props: MaterialCardProps) {
  const { material, uploads, held, sources, isReturned, returnReason } = props
  const { slot, files, editable } = material
  const images = files.filter((file) => file.mimeType !== 'application/pdf')
  const preview = (file: PrereviewFile) =>
    void Taro.previewImage({ current: signedFileUrl(file.url), urls: images.map((f) => signedFileUrl(f.url)) }).catch(() => undefined)

  return (
    <View className="card material-card" id={`material-${slot.key}`}>
      <Text className="material-card__name">{slot.name}</Text>
      <View className="material-card__tags">
        {slot.required ? (
          <FlagTag tone="danger" solid>
            必交
          </FlagTag>
        ) : (
          <FlagTag tone="neutral">选交</FlagTag>
        )}
        {slot.acceptsTolerance ? <FlagTag tone="warning">可容缺</FlagTag> : null}
        {slot.issuer ? <Text className="material-card__issuer">{slot.issuer}</Text> : null}
      </View>
      {returnReason ? <Text className="material-card__reason">退回原因：{returnReason}</Text> : null}
      {slot.notes ? <Text className="material-card__notes">{slot.notes}</Text> : null}
      {slot.template || slot.sample ? (
        <View className="material-card__docs">
          {slot.template ? (
            <Text className="material-card__doc" onClick={() => props.onOpenDocument(slot.template!)}>
              空白表格 ›
            </Text>
          ) : null}
          {slot.sample ? (
            <Text className="material-card__doc" onClick={() => props.onOpenDocument(slot.sample!)}>
              填写样例 ›
            </Text>
          ) : null}
        </View>
      ) : null}

      {files.length > 0 ? (
        <View className="material-card__pages">
          {files.map((file, index) => {
            const returned = isReturned?.(file) ?? false
            return (
              <View key={file.id} className={`material-card__page${returned ? ' material-card__page--returned' : ''}`}>
                {file.mimeType === 'application/pdf' ? (
                  <View className="material-card__pdf" onClick={() => props.onOpenPdf(file)}>
                    <Text>PDF</Text>
                    <Text className="material-card__pdf-index">第{index + 1}份</Text>
                  </View>
                ) : (
                  <Image className="material-card__thumb" src={signedFileUrl(file.url)} mode="aspectFill" nativeProps={{ alt: `${slot.name} 第${index + 1}页` }} onClick={() => preview(file)} />
                )}
                {returned ? <Text className="material-card__badge">已退回</Text> : null}
                {editable && !returned && props.canRemove(file) ? (
                  <Text className="material-card__remove" onClick={() => props.onRemoveFile(file)}>
                    删除
                  </Text>
                ) : null}
              </View>
            )
          })}
        </View>
      ) : null}

      {held.map((photo) => (
        <View key={photo.id} className="material-card__held">
          <Image className="material-card__held-thumb" src={photo.file.path} mode="aspectFill" nativeProps={{ alt: `${slot.name} 待确认的照片` }} />
          <View className="material-card__held-body">
            <Text className="material-card__warning">{photo.quality.message}</Text>
            <View className="material-card__held-actions">
              <Button size="small" type="primary" onClick={() => props.onRetake(photo)}>
                重新拍摄
              </Button>
              <Button size="small" fill="outline" type="default" onClick={() => props.onKeepHeld(photo)}>
                仍然使用
              </Button>
            </View>
          </View>
        </View>
      ))}

      {uploads
        .filter((item) => item.state !== 'done')
        .map((item) => (
          <UploadRow key={item.id} item={item} onRetry={() => props.onRetry(item.id)} onDismiss={() => props.onDismiss(item.id)} />
        ))}

      {editable ? (
        <View className="material-card__add">
          {sources.map((source) => (
            <Button key={source} size="small" fill="outline" type="primary" onClick={() => props.onAdd(source)}>
              + {SOURCE_LABELS[source]}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  )
}
