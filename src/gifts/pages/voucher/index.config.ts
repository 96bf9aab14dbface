export default definePageConfig({
  navigationBarTitleText: '礼包券',
});
