/**
 * `@tarojs/taro` in tests: the H5 implementation, as the H5 build uses it. The
 * package's default export alone lacks most APIs, so the default here is one
 * object merging the default and every named export. App code reads APIs off
 * the default (`Taro.request`), so tests may `jest.spyOn(Taro, 'request')`.
 */
import type TaroStatic from '@tarojs/taro'
import * as TaroH5 from '@tarojs/taro-h5'

const { default: base, ...apis } = TaroH5 as unknown as { default: object } & Record<string, unknown>
const Taro = Object.assign({}, base, apis) as unknown as typeof TaroStatic

export * from '@tarojs/taro-h5'
export default Taro
