export default definePageConfig({
  navigationBarTitleText: '人工查找',
});
