export default definePageConfig({
  navigationBarTitleText: '现场发放礼包',
});
