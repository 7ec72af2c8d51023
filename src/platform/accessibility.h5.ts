/**
 * Taro H5 renders NutUI's Button as a `taro-button-core` custom element, each
 * page as a scrolling `.taro_page` div and ScrollView as a scrolling
 * `taro-scroll-view-core`: none is in the tab order, and a screen reader does
 * not announce the button as one. Cross-platform code writes WeChat's
 * `aria-role`, which HTML does not know. One observer of the document fixes
 * all of it as elements appear or change (NutUI marks a disabled button with
 * the class `nut-button-disabled`).
 */
const BUTTON = 'taro-button-core'
const SCROLLER = 'taro-scroll-view-core'
const PAGE = 'taro_page'
const WECHAT_ROLE = 'aria-role'
const SELECTOR = `${BUTTON}, ${SCROLLER}, .${PAGE}, [${WECHAT_ROLE}]`

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value)
}

function fix(el: Element): void {
  if (el.hasAttribute(WECHAT_ROLE)) {
    if (!el.hasAttribute('role')) el.setAttribute('role', el.getAttribute(WECHAT_ROLE) ?? '')
    el.removeAttribute(WECHAT_ROLE)
  }
  if (el.localName === BUTTON) {
    const disabled = el.classList.contains('nut-button-disabled')
    setAttr(el, 'role', 'button')
    setAttr(el, 'tabindex', disabled ? '-1' : '0')
    setAttr(el, 'aria-disabled', String(disabled))
  } else if ((el.localName === SCROLLER || el.classList.contains(PAGE)) && !el.hasAttribute('tabindex')) {
    // Scrolls: focusable, so the arrow keys scroll it.
    el.setAttribute('tabindex', '0')
  }
}

function fixTree(root: Element): void {
  fix(root)
  root.querySelectorAll(SELECTOR).forEach(fix)
}

export function enableKeyboardAccess(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  fixTree(document.body)
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') fix(record.target as Element)
      else record.addedNodes.forEach((node) => node.nodeType === 1 && fixTree(node as Element))
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', WECHAT_ROLE] })
  // A native button answers Enter and Space with a click; these do the same.
  document.addEventListener('keydown', (event) => {
    const target = event.target as Element | null
    if (!target || target.localName !== BUTTON || (event.key !== 'Enter' && event.key !== ' ')) return
    event.preventDefault()
    if (target.getAttribute('aria-disabled') !== 'true') (target as HTMLElement).click()
  })
}
