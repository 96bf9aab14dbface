export default definePageConfig({ navigationBarTitleText: '场次管理' });
