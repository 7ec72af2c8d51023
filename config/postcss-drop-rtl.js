/**
 * Drops NutUI's right-to-left rules (`.nut-rtl …`, `[dir=rtl] …` and the `*-rtl`
 * keyframes they use). They apply only under `<ConfigProvider direction="rtl">` or
 * `dir="rtl"`, which this Chinese-only app never sets; ~5 KB of the main package.
 * Only files under @nutui are touched.
 */
const RTL_SELECTOR = /\.nut-rtl\b|\[dir=["']?rtl["']?\]/

module.exports = () => ({
  postcssPlugin: 'paoyici-drop-nutui-rtl',
  Once(root) {
    if (!/[\\/]@nutui[\\/]/.test(root.source?.input.file ?? '')) return
    root.walkRules((rule) => {
      if (!RTL_SELECTOR.test(rule.selector)) return
      const kept = rule.selectors.filter((selector) => !RTL_SELECTOR.test(selector))
      if (kept.length) rule.selectors = kept
      else rule.remove()
    })
    root.walkAtRules(/keyframes$/, (atRule) => {
      if (/-rtl$/.test(atRule.params)) atRule.remove()
    })
  },
})
module.exports.postcss = true
