import { enableKeyboardAccess } from './accessibility'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('enableKeyboardAccess (H5)', () => {
  beforeAll(() => enableKeyboardAccess())
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('gives NutUI buttons the button role, a tab stop and aria-disabled, following the class', async () => {
    document.body.innerHTML = '<taro-button-core class="nut-button"></taro-button-core><taro-button-core class="nut-button nut-button-disabled"></taro-button-core>'
    await flush()
    const [on, off] = Array.from(document.querySelectorAll('taro-button-core'))
    expect([on.getAttribute('role'), on.getAttribute('tabindex'), on.getAttribute('aria-disabled')]).toEqual(['button', '0', 'false'])
    expect([off.getAttribute('tabindex'), off.getAttribute('aria-disabled')]).toEqual(['-1', 'true'])
    off.className = 'nut-button'
    await flush()
    expect([off.getAttribute('tabindex'), off.getAttribute('aria-disabled')]).toEqual(['0', 'false'])
  })

  it('clicks an enabled button on Enter and Space, a disabled one never', async () => {
    document.body.innerHTML = '<taro-button-core class="nut-button"></taro-button-core><taro-button-core class="nut-button nut-button-disabled"></taro-button-core>'
    await flush()
    const [on, off] = Array.from(document.querySelectorAll('taro-button-core'))
    const clicks: string[] = []
    on.addEventListener('click', () => clicks.push('on'))
    off.addEventListener('click', () => clicks.push('off'))
    for (const key of ['Enter', ' ', 'a']) {
      on.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      off.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    }
    expect(clicks).toEqual(['on', 'on'])
  })

  it('makes scrolling pages and scroll views focusable and turns WeChat’s aria-role into role', async () => {
    document.body.innerHTML = '<div class="taro_page"><taro-scroll-view-core></taro-scroll-view-core><div aria-role="switch" aria-checked="true"></div></div>'
    await flush()
    expect(document.querySelector('.taro_page')!.getAttribute('tabindex')).toBe('0')
    expect(document.querySelector('taro-scroll-view-core')!.getAttribute('tabindex')).toBe('0')
    const toggle = document.querySelector('[aria-checked]')!
    expect([toggle.getAttribute('role'), toggle.hasAttribute('aria-role')]).toEqual(['switch', false])
  })
})
