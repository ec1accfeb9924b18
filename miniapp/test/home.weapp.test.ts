/**
 * Renders the compiled weapp home page (miniapp/dist/weapp) with miniprogram-simulate and WeChat's
 * official WXML compiler, then taps a shortcut. This checks what WeChat would run, not the source.
 * Build first: `npm run build:weapp -w miniapp`.
 */
import { startWeapp, textOf, waitForText, type SimComponent } from './weapp-simulate';

describe('weapp home page (compiled)', () => {
  let page: SimComponent;
  const navigations: string[] = [];

  beforeAll(async () => {
    // A resident who switched on 大字模式 earlier: the saved setting must reach the page root.
    const weapp = startWeapp({ storage: new Map([['aq.settings.v1', { largeText: true }]]) });
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.navigateTo = (options: { url: string; success?: (result: unknown) => void; complete?: (result: unknown) => void }) => {
      navigations.push(options.url);
      setTimeout(() => {
        options.success?.({ errMsg: 'navigateTo:ok' });
        options.complete?.({ errMsg: 'navigateTo:ok' });
      }, 0);
    };
    page = weapp.render('pages/home/index');
    await waitForText(page, '常用服务');
  });

  it('renders the 首页 content: only services that work, none "coming soon"', () => {
    const text = textOf(page);
    expect(text).toContain('您好');
    expect(text).toContain('微信一键登录');
    const tiles = page.querySelectorAll('.home__tile-name').map(textOf);
    expect(tiles).toEqual(['搬迁登记', '办理进度', '通知公告', '公示公告', '政策查询', '补助测算', '找工作', '招聘会', '技能培训', '咨询求助', '我的消息']);
    expect(text).not.toContain('功能即将开放');
    expect(text).not.toContain('就业岗位');
  });

  it('shows the privacy notice on a first visit, before anything is collected', () => {
    const notice = page.querySelector('.privacy-popup--first');
    expect(notice).toBeDefined();
    expect(textOf(notice!)).toContain('同意并继续');
  });

  it('applies the saved large-text setting to the page root', () => {
    const root = page.querySelector('.aq-page');
    expect(root).toBeDefined();
    expect(root!.dom.className).toContain('aq-page--large');
  });

  it('tapping 搬迁登记 opens the registration form', async () => {
    const tile = page.querySelectorAll('.home__tile').find((node) => textOf(node).includes('搬迁登记'));
    expect(tile).toBeDefined();
    tile!.dispatchEvent('tap');
    for (let attempt = 0; attempt < 50 && navigations.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(navigations).toEqual(['/subpackages/registration/pages/form/index']);
  });
});
