// Stands in for jsonp-retry, which @tarojs/taro-h5 bundles for Taro.request's
// `jsonp` option. The app's only Taro.request caller (src/api/http.ts) never sets
// it; a call that does fails loudly instead of loading a script.
export default function jsonpUnsupported() {
  return Promise.reject(new Error('Taro.request({ jsonp }) is not bundled (config/shims/no-jsonp.js)'))
}
