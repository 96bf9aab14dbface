export default definePageConfig({
  navigationBarTitleText: '邀请与授权',
  enableShareAppMessage: true,
});
