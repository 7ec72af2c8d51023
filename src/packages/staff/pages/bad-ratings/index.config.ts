export default definePageConfig({ navigationBarTitleText: '差评处理', enablePullDownRefresh: true })
