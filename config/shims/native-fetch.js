// Stands in for whatwg-fetch, which @tarojs/taro-h5 imports for Taro.request:
// every browser in .browserslistrc has window.fetch (Chrome 42, Safari 10.1), so
// the polyfill would never install. With jsonp-retry, ~5 KiB gzip of the H5 first load.
export {}
