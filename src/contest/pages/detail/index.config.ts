export default definePageConfig({
  navigationBarTitleText: '比武详情',
});
