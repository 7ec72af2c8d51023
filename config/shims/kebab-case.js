// A small stand-in for lodash.kebabcase (15 KB), which NutUI's ConfigProvider
// uses only to turn theme keys such as `nutuiColorPrimary` or `fontSize14`
// into CSS variable names.
module.exports = function kebabCase(input) {
  return String(input)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])([0-9])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
}
