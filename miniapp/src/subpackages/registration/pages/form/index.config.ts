export default definePageConfig({ navigationBarTitleText: '搬迁意愿登记' });
