export default definePageConfig({ navigationBarTitleText: '我的预审', enablePullDownRefresh: true })
