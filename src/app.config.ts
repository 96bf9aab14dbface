// The persona switcher exists only in builds that talk to the local emulator (H5), never in weapp.
const demoPages = process.env.TARO_ENV === 'h5' ? ['pages/persona/index'] : [];

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/services/index', 'pages/mine/index', ...demoPages],
  subPackages: [
    {
      root: 'contest',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/register/index',
        'pages/mine/index',
        'pages/ticket/index',
        'pages/results/index',
        'pages/review/index',
      ],
    },
    {
      root: 'academy',
      pages: [
        'pages/sessions/index',
        'pages/catalogue/index',
        'pages/order/index',
        'pages/orders/index',
        'pages/session/index',
        'pages/mine/index',
        'pages/session-admin/index',
        'pages/courses-admin/index',
      ],
    },
    {
      root: 'retirement',
      pages: [
        'pages/request/index',
        'pages/mine/index',
        'pages/certificate/index',
        'pages/verify/index',
        'pages/review/index',
        'pages/batch/index',
      ],
    },
    {
      root: 'gifts',
      pages: [
        'pages/campaign/index',
        'pages/voucher/index',
        'pages/mine/index',
        'pages/manage/index',
        'pages/edit/index',
        'pages/on-spot/index',
      ],
    },
    { root: 'staff', pages: ['pages/scanner/index', 'pages/lookup/index'] },
    {
      // The union runs it itself: first admin, invitations, contests, 驿站, employers, 光荣退休 settings.
      root: 'admin',
      pages: [
        'pages/setup/index',
        'pages/invite/index',
        'pages/roles/index',
        'pages/contests/index',
        'pages/contest/index',
        'pages/stations/index',
        'pages/employers/index',
        'pages/retirement/index',
      ],
    },
    {
      root: 'member',
      pages: [
        'pages/profile/index',
        'pages/apply/index',
        'pages/messages/index',
        'pages/applications/index',
        'pages/transfer/index',
        'pages/privacy/index',
        'pages/my-data/index',
      ],
    },
  ],
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/services/index', text: '服务' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '职工服务',
    navigationBarTextStyle: 'white',
  },
  lazyCodeLoading: 'requiredComponents',
  // The 离我最近 button and the gift stations' distances ask for the location, after the user's consent.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于显示离您最近的驿站' } },
});
