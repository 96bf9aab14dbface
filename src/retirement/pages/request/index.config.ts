export default definePageConfig({
  navigationBarTitleText: '申请光荣退休证书',
});
