export default definePageConfig({ navigationBarTitleText: '点单进度' });
