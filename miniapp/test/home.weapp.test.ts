/**
 * Renders the compiled weapp home page (miniapp/dist/weapp) with miniprogram-simulate and WeChat's
 * official WXML compiler, then taps a shortcut. This checks what WeChat would run, not the source.
 * Build first: `npm run build:weapp -w miniapp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

const DIST = path.resolve(__dirname, '..', 'dist', 'weapp');
const HOME = 'pages/home/index';

type SimComponent = {
  dom: HTMLElement;
  querySelector: (selector: string) => SimComponent | undefined;
  querySelectorAll: (selector: string) => SimComponent[];
  dispatchEvent: (name: string, detail?: unknown) => void;
  attach: (parent: HTMLElement) => void;
};
type Simulate = {
  load: (componentPath: string, options: { compiler: 'official'; rootPath: string }) => string;
  render: (id: string) => SimComponent;
  sleep: (ms: number) => Promise<void>;
};
type Hooks = Record<string, (...args: unknown[]) => unknown>;

function installDom(): void {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'https://servicewechat.com/' });
  const g = globalThis as Record<string, unknown>;
  g.window = window;
  g.document = window.document;
  for (const name of ['Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'Text', 'DocumentFragment', 'getComputedStyle']) {
    g[name] = (window as unknown as Record<string, unknown>)[name];
  }
}

/**
 * miniprogram-simulate only knows custom components. Taro pages call App() and Page(), so map them:
 * the app object is kept for getApp(), and a page becomes a component that runs the page lifecycle
 * when attached.
 */
function installMiniProgramShims(storage: Map<string, unknown>): { launchApp: () => void } {
  const g = globalThis as unknown as Record<string, unknown> & { Component: (options: unknown) => void; wx: Hooks };
  // The simulator's storage is a stub that always reads ''; a map lets the test preload settings.
  g.wx.getStorageSync = (key) => storage.get(key as string) ?? '';
  g.wx.setStorageSync = (key, value) => void storage.set(key as string, value);
  g.wx.removeStorageSync = (key) => void storage.delete(key as string);
  let app: Hooks | null = null;
  g.App = (options: Hooks) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (options: Hooks & { data?: unknown }) => {
    const methods: Hooks = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value as Hooks[string];
    }
    g.Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Hooks & { route: string }) {
          this.route = HOME;
          this.onLoad({});
          this.onShow();
          this.onReady();
        },
      },
    });
  };
  return {
    launchApp() {
      if (!app) throw new Error('app.js did not call App()');
      app.onLaunch.call(app, { path: HOME, query: {}, scene: 1001 });
      app.onShow.call(app, { path: HOME, query: {}, scene: 1001 });
    },
  };
}

function textOf(component: SimComponent): string {
  return component.dom.textContent ?? '';
}

async function waitForText(component: SimComponent, text: string, simulate: Simulate): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (textOf(component).includes(text)) return;
    await simulate.sleep(20);
  }
  throw new Error(`"${text}" never appeared; page text: ${textOf(component).slice(0, 300)}`);
}

describe('weapp home page (compiled)', () => {
  let simulate: Simulate;
  let page: SimComponent;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'app.js')) || !fs.existsSync(path.join(DIST, `${HOME}.js`))) {
      throw new Error(`${DIST} has no weapp build: run \`npm run build:weapp -w miniapp\` first.`);
    }
    installDom();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    simulate = require('miniprogram-simulate') as Simulate;
    // A resident who switched on 大字模式 earlier: the saved setting must reach the page root.
    const { launchApp } = installMiniProgramShims(new Map([['aq.settings.v1', { largeText: true }]]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(DIST, 'app.js'));
    launchApp();

    const id = simulate.load(path.join(DIST, HOME), { compiler: 'official', rootPath: DIST });
    page = simulate.render(id);
    page.attach(document.body);
    await waitForText(page, '常用服务', simulate);
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
    const tile = page.querySelectorAll('.home__tile').find((node) => textOf(node).includes('补助测算'));
    expect(tile).toBeDefined();
    tile!.dispatchEvent('tap');
    await waitForText(page, '功能即将开放', simulate);
    expect(textOf(page)).toContain('「补助测算」功能即将开放');
  });
});
