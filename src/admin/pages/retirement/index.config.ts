export default definePageConfig({
  navigationBarTitleText: '光荣退休设置',
});
