export default definePageConfig({
  navigationBarTitleText: '光荣退休纪念证书',
});
