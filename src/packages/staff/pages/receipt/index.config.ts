export default definePageConfig({ navigationBarTitleText: '办件回执' })
