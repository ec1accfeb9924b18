export default definePageConfig({ navigationBarTitleText: '我代填的登记' });
