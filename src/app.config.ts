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
    // H5: Taro's router leaves the bar to utils/tab-bar.h5.ts, which mounts the same bar after the first page.
    custom: process.env.TARO_ENV === 'h5',
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // 81×81 PNGs drawn by scripts/make-tab-icons.mjs (grey / union red, as the text colours above).
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '服务',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '职工服务',
    navigationBarTextStyle: 'white',
  },
  lazyCodeLoading: 'requiredComponents',
  // The subpackages each tab leads to, fetched while the tab is shown so the first tap opens at once
  // (home's four service cards; 服务's staff tools on Wi-Fi; 我的's member pages).
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['contest', 'academy', 'retirement', 'gifts'] },
    'pages/services/index': { network: 'wifi', packages: ['staff', 'member'] },
    'pages/mine/index': { network: 'all', packages: ['member'] },
  },
  // What WeChat search may index (src/sitemap.json, copied into dist/ by config/index.ts).
  sitemapLocation: 'sitemap.json',
  // The 离我最近 button and the gift stations' distances ask for the location, after the user's consent.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于显示离您最近的驿站' } },
});
