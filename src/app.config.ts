export default defineAppConfig({
  // Main package: the four tab pages only. Everything else lives in a subpackage by journey.
  pages: ['pages/home/index', 'pages/services/index', 'pages/progress/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/guide', pages: ['pages/detail/index'] },
    { root: 'packages/account', pages: ['pages/login/index', 'pages/real-name/index'] },
    { root: 'packages/staff', pages: ['pages/login/index', 'pages/home/index', 'pages/matter/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#1a66d6',
    navigationBarTitleText: '跑一次',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1a66d6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/services/index', text: '办事' },
      { pagePath: 'pages/progress/index', text: '进度' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
