import { memoryStorage } from '../stores/storage'
import { THEME_STORAGE_KEY, ThemeStore } from './ThemeStore'

describe('ThemeStore', () => {
  it('is standard when nothing is stored and WeChat reports a normal font', () => {
    expect(new ThemeStore(memoryStorage(), () => false).elder).toBe(false)
  })

  it('starts in elder mode when nothing is stored and WeChat reports a large font', () => {
    expect(new ThemeStore(memoryStorage(), () => true).name).toBe('elder')
  })

  it('lets a stored choice win over the font setting, both ways', () => {
    const large = jest.fn(() => true)
    expect(new ThemeStore(memoryStorage({ [THEME_STORAGE_KEY]: 'standard' }), large).elder).toBe(false)
    expect(large).not.toHaveBeenCalled()
    expect(new ThemeStore(memoryStorage({ [THEME_STORAGE_KEY]: 'elder' }), () => false).elder).toBe(true)
  })

  it('ignores a stored value it does not know', () => {
    expect(new ThemeStore(memoryStorage({ [THEME_STORAGE_KEY]: 'huge' }), () => false).name).toBe('standard')
  })

  it('remembers the choice under paoyici.theme', () => {
    const storage = memoryStorage()
    const theme = new ThemeStore(storage, () => false)
    theme.setElder(true)
    expect(theme.elder).toBe(true)
    expect(storage.get(THEME_STORAGE_KEY)).toBe('elder')
    theme.setElder(false)
    expect(storage.get(THEME_STORAGE_KEY)).toBe('standard')
    expect(new ThemeStore(storage, () => true).elder).toBe(false)
  })
})
