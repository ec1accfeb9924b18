/** How a policy reads on a phone: dates in Chinese, pictures and tables no wider than the screen. */
import { effectivePeriodText, richTextForDisplay } from '../src/features/policies/policy-display';
import { formatFileSize } from '../src/lib/file-size';

it('pictures and tables in the body are fitted to the screen, the rest is left as the server sent it', () => {
  const html = '<p>第一条</p><img src="https://example.gov.cn/a.png" alt="图"><table><tr><td>集中安置</td></tr></table>';
  const shown = richTextForDisplay(html);
  expect(shown).toContain('<p>第一条</p>');
  expect(shown).toContain('<img style="max-width:100%;height:auto;display:block;margin:8px 0" src="https://example.gov.cn/a.png" alt="图">');
  expect(shown).toContain('<table style="width:100%;border-collapse:collapse">');
  expect(shown).toContain('<td style="border:1px solid #d9dce1;padding:4px">集中安置</td>');
});

it('states the period a document is in force', () => {
  expect(effectivePeriodText({ publishDate: '2025-12-20', effectiveFrom: '2026-01-01', effectiveTo: '2030-12-31' })).toBe('2026年1月1日 至 2030年12月31日');
  expect(effectivePeriodText({ publishDate: '2026-02-10', effectiveFrom: null, effectiveTo: null })).toBe('2026年2月10日起施行');
});

it('gives attachment sizes a resident can judge before downloading on mobile data', () => {
  expect(formatFileSize(300)).toBe('1 KB');
  expect(formatFileSize(250 * 1024)).toBe('250 KB');
  expect(formatFileSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
});
