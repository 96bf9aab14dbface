export default definePageConfig({
  navigationBarTitleText: '初始设置',
});
