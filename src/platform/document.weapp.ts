import Taro from '@tarojs/taro'
import type { PreviewDocument } from './types'

/** Downloads from our API into the mini-program's temp files and opens WeChat's own viewer. */
export const previewDocument: PreviewDocument = async (url, fileName) => {
  const download = await Taro.downloadFile({ url })
  if (download.statusCode !== 200) throw new Error('文件下载失败，请稍后重试')
  const fileType = fileName.split('.').pop()?.toLowerCase()
  await Taro.openDocument({
    filePath: download.tempFilePath,
    fileType: (fileType === 'pdf' || fileType === 'doc' || fileType === 'docx' || fileType === 'xls' || fileType === 'xlsx'
      ? fileType
      : 'pdf') as Taro.openDocument.Option['fileType'],
    showMenu: true,
  })
}
