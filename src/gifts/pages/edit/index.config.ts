export default definePageConfig({
  navigationBarTitleText: '礼包活动设置',
});
