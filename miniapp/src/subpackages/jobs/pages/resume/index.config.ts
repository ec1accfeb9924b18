export default definePageConfig({ navigationBarTitleText: '求职信息' });
