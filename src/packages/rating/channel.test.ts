import { channelFor } from './channel'

it('rates from a desktop (WeChat on PC, a desktop browser) as PC端 and everything else as 移动端', () => {
  expect(channelFor('windows')).toBe('pc')
  expect(channelFor('mac')).toBe('pc')
  expect(channelFor('Win32')).toBe('pc')
  expect(channelFor('MacIntel')).toBe('pc')
  expect(channelFor('ios')).toBe('mobile')
  expect(channelFor('android')).toBe('mobile')
  expect(channelFor('devtools')).toBe('mobile')
  expect(channelFor('')).toBe('mobile')
})
