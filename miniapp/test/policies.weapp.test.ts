/**
 * The compiled policy list and subsidy calculator (subpackage pages) in miniprogram-simulate: small
 * pages with 加载更多, a category with nothing in it, a failed load with 重试, and the calculator
 * working from the rule set kept on the phone when the server cannot be reached.
 */
import { formatFen, type PolicySummary, type Resident } from '@anqian/shared';
import { SUBSIDY_WORKED_CASES } from '@anqian/shared/src/subsidy-cases';
import { DEMO_SUBSIDY_RULE_SET } from '@anqian/shared/src/subsidy-demo';
import { startWeapp, tapText, textOf, waitForText, type FakeServer, type SimComponent } from './weapp-simulate';

const resident: Resident = {
  id: '665f1c2e8a1b2c3d4e5f6a70',
  phoneMasked: null,
  cadre: null,
  consent: { version: 'v1', acceptedAt: '2025-01-01T00:00:00.000Z', sensitive: false },
  currentPrivacyVersion: 'v1',
};

function summary(index: number): PolicySummary {
  return {
    id: `6a00000000000000000100${String(index).padStart(2, '0')}`,
    title: index === 0 ? '武定县易地避险搬迁补助标准' : `搬迁政策文件 ${index}`,
    category: 'relocation',
    issuingBody: '武定县人民政府',
    documentNumber: `武府发〔2026〕${index + 1}号`,
    publishDate: '2026-01-05',
    effectiveFrom: null,
    effectiveTo: null,
    status: 'published',
    pinned: index === 0,
    divisionCode: '532329000000',
    divisionName: '武定县',
    attachmentCount: index === 0 ? 2 : 0,
    version: 1,
    publishedAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-01-05T02:00:00.000Z',
  };
}

const ALL = Array.from({ length: 12 }, (_, index) => summary(index));
let policiesDown = false;
let ruleSetsDown = false;

const server: FakeServer = ({ url }) => {
  if (url.endsWith('/resident/me')) return { statusCode: 200, data: resident };
  if (url.includes('/resident/policies?')) {
    if (policiesDown) return { statusCode: 502, data: '<html>Bad Gateway</html>' };
    const query = new URLSearchParams(url.split('?')[1]);
    const page = Number(query.get('page'));
    const pageSize = Number(query.get('pageSize'));
    const matching = query.get('category') === 'employment' ? [] : ALL;
    return { statusCode: 200, data: { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize } };
  }
  if (url.endsWith('/subsidy-rule-sets/current')) {
    return ruleSetsDown ? { statusCode: 502, data: '' } : { statusCode: 200, data: DEMO_SUBSIDY_RULE_SET };
  }
  return undefined;
};

describe('weapp policies and subsidy calculator (compiled)', () => {
  let weapp: ReturnType<typeof startWeapp>;

  beforeAll(() => {
    weapp = startWeapp({
      server,
      // Signed out: reading policies and estimating need no sign-in.
      storage: new Map<string, unknown>(),
    });
  });

  it('the list loads a small first page without signing in, then the rest on 加载更多', async () => {
    const page = weapp.render('subpackages/policies/pages/list/index');
    await waitForText(page, '加载更多（已显示 10 / 12）');
    const text = textOf(page);
    expect(text).toContain('置顶');
    expect(text).toContain('武定县易地避险搬迁补助标准');
    expect(text).toContain('武府发〔2026〕1号');
    expect(text).toContain('2 个附件');
    expect(text).not.toContain('搬迁政策文件 10');
    const listCalls = weapp.requests.filter((request) => request.url.includes('/resident/policies?'));
    expect(listCalls.map((request) => new URLSearchParams(request.url.split('?')[1]).get('pageSize'))).toEqual(['10']);

    tapText(page, '.aq-btn', '加载更多（已显示 10 / 12）');
    await waitForText(page, '已全部显示，共 12 份');
    expect(textOf(page)).toContain('搬迁政策文件 11');
  });

  it('an empty category says so; a failed load offers 重试', async () => {
    const page = weapp.render('subpackages/policies/pages/list/index');
    await waitForText(page, '加载更多');
    tapText(page, '.aq-tab', '就业扶持');
    await waitForText(page, '暂无政策文件');

    policiesDown = true;
    tapText(page, '.aq-tab', '全部');
    await waitForText(page, '政策文件没有加载出来');
    policiesDown = false;
    tapText(page, '.aq-btn', '重试');
    await waitForText(page, '加载更多（已显示 10 / 12）');
  });

  it('the calculator uses the rule set kept on the phone when the server cannot be reached', async () => {
    weapp.storage.set('aq.subsidy-rule-set.v1', { ruleSet: DEMO_SUBSIDY_RULE_SET, downloadedAt: '2026-03-04T18:30:00.000Z' });
    ruleSetsDown = true;
    const page = weapp.render('subpackages/subsidy/pages/calculator/index');
    await waitForText(page, '使用 3 月 5 日下载的补助标准');

    // 进城安置 2 人, 60 m², not demolishing (worked case urban-2).
    const worked = SUBSIDY_WORKED_CASES.find((entry) => entry.id === 'urban-2')!;
    tapText(page, '.rg-chip__label', '进城安置');
    tapText(page, '.aq-btn', '＋');
    await waitForText(page, '2 人');
    typeInto(page, '.rg-input', '60');
    tapText(page, '.rg-chip__label', '暂不拆除');
    tapText(page, '.aq-btn', '计算补助');

    await waitForText(page, '补助估算结果');
    const text = textOf(page);
    expect(text).toContain('估算，以最终审批为准');
    expect(text).toContain('2 人 × 30,000.00 元');
    expect(text).toContain('依据：武府发〔2026〕12号 第三条');
    expect(text).toContain(formatFen(worked.expectedTotalFen));
  });
});

function typeInto(page: SimComponent, selector: string, value: string): void {
  const input = page.querySelector(selector);
  if (!input) throw new Error(`no ${selector}; page text: ${textOf(page).slice(0, 400)}`);
  input.dispatchEvent('input', { detail: { value } });
}
