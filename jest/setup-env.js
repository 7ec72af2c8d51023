// Runs before the test framework: make Taro believe it is the H5 build.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
// Build-time switches Taro's runtime expects webpack's DefinePlugin to provide.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react',
})
// Taro's modules import each other in a cycle; load the entry first.
require('@tarojs/taro')
