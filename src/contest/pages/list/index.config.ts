export default definePageConfig({
  navigationBarTitleText: '技能比武',
});
