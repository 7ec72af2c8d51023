export default definePageConfig({ navigationBarTitleText: '办件队列', enablePullDownRefresh: true })
