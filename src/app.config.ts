export default defineAppConfig({
  // Main package: the four tab pages only. Everything else lives in a subpackage by journey.
  pages: ['pages/home/index', 'pages/services/index', 'pages/progress/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/guide', pages: ['pages/detail/index'] },
    { root: 'packages/account', pages: ['pages/login/index', 'pages/real-name/index'] },
    {
      root: 'packages/staff',
      pages: [
        'pages/login/index',
        'pages/home/index',
        'pages/matter/index',
        'pages/queue/index',
        'pages/case/index',
        'pages/walk-in/index',
        'pages/receipt/index',
        'pages/supervision/index',
        'pages/hall-day/index',
        'pages/slots/index',
        'pages/prereviews/index',
        'pages/prereview/index',
        'pages/bad-ratings/index',
        'pages/bad-rating/index',
        'pages/rating-appeals/index',
        'pages/rating-stats/index',
        'pages/fee-order/index',
      ],
    },
    { root: 'packages/cases', pages: ['pages/lookup/index', 'pages/detail/index', 'pages/messages/index'] },
    { root: 'packages/booking', pages: ['pages/book/index', 'pages/mine/index', 'pages/detail/index'] },
    { root: 'packages/rating', pages: ['pages/rate/index', 'pages/detail/index', 'pages/anonymous/index'] },
    { root: 'packages/payment', pages: ['pages/order/index', 'pages/result/index', 'pages/receipt/index'] },
    { root: 'packages/prereview', pages: ['pages/bundles/index', 'pages/apply/index', 'pages/detail/index', 'pages/list/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#1a66d6',
    navigationBarTitleText: '跑一次',
    navigationBarTextStyle: 'white',
    // H5 draws the same bar (title, back and home buttons) only when this is 'default'.
    navigationStyle: 'default',
  },
  // Icons: config/make-tab-icons.mjs draws them in these two colours.
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1a66d6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png', text: '首页' },
      { pagePath: 'pages/services/index', iconPath: 'assets/tab-services.png', selectedIconPath: 'assets/tab-services-active.png', text: '办事' },
      { pagePath: 'pages/progress/index', iconPath: 'assets/tab-progress.png', selectedIconPath: 'assets/tab-progress-active.png', text: '进度' },
      { pagePath: 'pages/me/index', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-active.png', text: '我的' },
    ],
  },
})
