import { View, Text } from '@tarojs/components'
import type { UploadItem, UploadState } from '../../upload/types'

const STATE_LABELS: Record<UploadState, string> = {
  queued: '等待上传',
  checking: '检查照片',
  compressing: '压缩中',
  uploading: '上传中',
  failed: '上传失败',
  done: '已上传',
}

/** One page on its way up: its state, a progress bar, and 重试 when it failed. */
export function UploadRow({ item, onRetry, onDismiss }: { item: UploadItem; onRetry: () => void; onDismiss: () => void }) {
  const failed = item.state === 'failed'
  const percent = Math.round(Math.min(1, Math.max(0, item.progress)) * 100)
  return (
    <View className={`upload-row${failed ? ' upload-row--failed' : ''}`}>
      <View className="upload-row__head">
        <Text className="upload-row__name">{item.name}</Text>
        <Text className="upload-row__state">{item.state === 'uploading' ? `${percent}%` : STATE_LABELS[item.state]}</Text>
      </View>
      <View className="upload-row__bar">
        <View className="upload-row__fill" style={{ width: `${failed ? 100 : percent}%` }} />
      </View>
      {failed ? (
        <View className="upload-row__failure">
          <Text className="upload-row__error">{item.error ?? '上传失败'}</Text>
          <Text className="upload-row__action" onClick={onRetry}>
            重试
          </Text>
          <Text className="upload-row__action upload-row__action--quiet" onClick={onDismiss}>
            移除
          </Text>
        </View>
      ) : null}
    </View>
  )
}
