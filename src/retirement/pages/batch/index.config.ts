export default definePageConfig({
  navigationBarTitleText: '单位批量申报',
});
