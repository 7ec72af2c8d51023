export default definePageConfig({ navigationBarTitleText: '办件处理' })
