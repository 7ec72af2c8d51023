export default definePageConfig({ navigationBarTitleText: '办事评价' })
