export default definePageConfig({
  navigationBarTitleText: '比武设置',
});
