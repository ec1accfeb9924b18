export default definePageConfig({ navigationBarTitleText: '投递详情' });
