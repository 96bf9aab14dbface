export default definePageConfig({
  navigationBarTitleText: '比武赛事设置',
});
