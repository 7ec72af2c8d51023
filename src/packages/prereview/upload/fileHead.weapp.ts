/** weapp: the first bytes and the size of a temp file, through the file system manager. */
import Taro from '@tarojs/taro'

/** Null when this base library cannot read a range (before 2.10) or the read fails. */
export function readHead(filePath: string, length: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().readFile({
        filePath,
        position: 0,
        length,
        success: (res) => resolve(res.data instanceof ArrayBuffer ? new Uint8Array(res.data) : null),
        fail: () => resolve(null),
      })
    } catch {
      resolve(null)
    }
  })
}

export function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (res) => resolve(res.size),
      fail: (err) => reject(new Error(err.errMsg)),
    })
  })
}
