export default definePageConfig({
  navigationBarTitleText: '比武报名',
});
