export default definePageConfig({ navigationBarTitleText: '咨询求助' });
