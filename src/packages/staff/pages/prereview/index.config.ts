export default definePageConfig({ navigationBarTitleText: '预审审核' })
