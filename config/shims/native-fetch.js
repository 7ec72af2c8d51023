// Stands in for whatwg-fetch, which @tarojs/taro-h5 imports for Taro.request:
// every browser in package.json's browserslist has window.fetch (Chrome 42,
// Safari 10.1), so the polyfill would never install. ~6 KB gzip of the H5 first load.
export {}
