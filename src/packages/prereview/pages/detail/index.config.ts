export default definePageConfig({ navigationBarTitleText: '预审详情' })
