export default definePageConfig({ navigationBarTitleText: '玉门市 · 跑一次', enablePullDownRefresh: true })
