export default definePageConfig({ navigationBarTitleText: '窗口收件' })
