/**
 * Renders the compiled weapp home page (miniapp/dist/weapp) with miniprogram-simulate and WeChat's
 * official WXML compiler, then taps a shortcut. This checks what WeChat would run, not the source.
 * Build first: `npm run build:weapp -w miniapp`.
 */
import { startWeapp, textOf, waitForText, type SimComponent } from './weapp-simulate';

describe('weapp home page (compiled)', () => {
  let page: SimComponent;

  beforeAll(async () => {
    // A resident who switched on 大字模式 earlier: the saved setting must reach the page root.
    const weapp = startWeapp({ storage: new Map([['aq.settings.v1', { largeText: true }]]) });
    page = weapp.render('pages/home/index');
    await waitForText(page, '常用服务');
  });

  it('renders the 首页 content', () => {
    const text = textOf(page);
    expect(text).toContain('您好');
    expect(text).toContain('微信一键登录');
    for (const name of ['搬迁登记', '政策查询', '补助测算', '就业岗位', '培训报名', '我要咨询']) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('功能即将开放');
  });

  it('applies the saved large-text setting to the page root', () => {
    const root = page.querySelector('.aq-page');
    expect(root).toBeDefined();
    expect(root!.dom.className).toContain('aq-page--large');
  });

  it('tapping a shortcut shows that it is coming soon', async () => {
    const tile = page.querySelectorAll('.home__tile').find((node) => textOf(node).includes('就业岗位'));
    expect(tile).toBeDefined();
    tile!.dispatchEvent('tap');
    await waitForText(page, '功能即将开放');
    expect(textOf(page)).toContain('「就业岗位」功能即将开放');
  });
});
