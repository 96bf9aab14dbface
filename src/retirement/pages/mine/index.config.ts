// No enablePullDownRefresh: in H5 its wrapper swallows taps on the page; the list reloads on show.
export default definePageConfig({
  navigationBarTitleText: '我的光荣退休申请',
});
