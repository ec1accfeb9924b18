export default definePageConfig({ navigationBarTitleText: '安迁通' });
