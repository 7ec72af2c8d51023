// Stands in for axios's own xhr and fetch transports, which this app never
// uses: src/api/http.ts passes Taro.request as the adapter. Keeps ~10 KB of
// dead code out of the mini-program's main package and the H5 first load.
export default false
export const getFetch = () => false
