export default definePageConfig({
  navigationBarTitleText: '春节礼包',
});
