export default definePageConfig({ navigationBarTitleText: '补助测算' });
