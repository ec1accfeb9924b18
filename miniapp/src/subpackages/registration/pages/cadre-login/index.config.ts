export default definePageConfig({ navigationBarTitleText: '村干部登录' });
