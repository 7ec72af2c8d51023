import Taro from '@tarojs/taro'

/** WeChat's font size setting in px: 16 is the default size, 20 and up are its large steps. */
const LARGE_FONT_SETTING = 20

export function prefersLargeText(): boolean {
  try {
    return (Taro.getSystemInfoSync().fontSizeSetting ?? 0) >= LARGE_FONT_SETTING
  } catch {
    return false
  }
}
