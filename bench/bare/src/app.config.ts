export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '基准' },
  lazyCodeLoading: 'requiredComponents',
});
