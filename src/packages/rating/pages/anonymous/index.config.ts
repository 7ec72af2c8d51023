export default definePageConfig({ navigationBarTitleText: '凭回执评价' })
