import Taro from '@tarojs/taro'
import type { OpenMap } from './types'

export const openMap: OpenMap = async ({ latitude, longitude, name, address }) => {
  await Taro.openLocation({ latitude, longitude, name, address, scale: 16 })
}
