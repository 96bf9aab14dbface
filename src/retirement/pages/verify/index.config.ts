export default definePageConfig({
  navigationBarTitleText: '证书真伪验证',
});
