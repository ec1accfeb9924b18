/**
 * Runs compiled weapp pages (miniapp/dist/weapp) in miniprogram-simulate with WeChat's official WXML
 * compiler: what WeChat would run, not the source. Build first: `npm run build:weapp -w miniapp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export const DIST = path.resolve(__dirname, '..', 'dist', 'weapp');

export type SimComponent = {
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

/** What the fake network answers for `wx.request`; unknown paths get a 404 error body. */
export type FakeServer = (request: { url: string; method: string; data: unknown }) => { statusCode: number; data: unknown } | undefined;

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
 * when attached. Storage is a map the test can preload (the simulator's always reads '').
 */
export function startWeapp(options: { storage?: Map<string, unknown>; server?: FakeServer } = {}) {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`${DIST} has no weapp build: run \`npm run build:weapp -w miniapp\` first.`);
  }
  const storage = options.storage ?? new Map<string, unknown>();
  installDom();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as Record<string, unknown> & { Component: (options: unknown) => void; wx: Hooks };
  // Like WeChat, storage and the network hand out copies, never the test's own objects.
  g.wx.getStorageSync = (key) => (storage.has(key as string) ? structuredClone(storage.get(key as string)) : '');
  g.wx.setStorageSync = (key, value) => void storage.set(key as string, value);
  g.wx.removeStorageSync = (key) => void storage.delete(key as string);
  const requests: { url: string; method: string }[] = [];
  g.wx.request = (request) => {
    const { url, method = 'GET', data, success, complete } = request as {
      url: string;
      method?: string;
      data?: unknown;
      success?: (result: unknown) => void;
      complete?: (result: unknown) => void;
    };
    requests.push({ url, method });
    const answer = options.server?.({ url, method, data }) ?? {
      statusCode: 404,
      data: { error: { code: 'NOT_FOUND', message: '要找的内容不存在' } },
    };
    const result = { statusCode: answer.statusCode, data: JSON.parse(JSON.stringify(answer.data ?? '')), header: {}, errMsg: 'request:ok' };
    setTimeout(() => {
      success?.(result);
      complete?.(result);
    }, 0);
    return { abort() {} };
  };

  // A download answers like a request; the fake server's `data` is the temp file path it lands at.
  g.wx.downloadFile = (download) => {
    const { url, success, complete } = download as { url: string; success?: (result: unknown) => void; complete?: (result: unknown) => void };
    requests.push({ url, method: 'DOWNLOAD' });
    const answer = options.server?.({ url, method: 'DOWNLOAD', data: undefined }) ?? { statusCode: 404, data: '' };
    const result = { statusCode: answer.statusCode, tempFilePath: String(answer.data ?? ''), errMsg: 'downloadFile:ok' };
    setTimeout(() => {
      success?.(result);
      complete?.(result);
    }, 0);
    return { abort() {} };
  };

  let app: Hooks | null = null;
  let route = '';
  let query: Record<string, string> = {};
  const loaded = new Map<string, string>();
  g.App = (appOptions: Hooks) => {
    app = appOptions;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.Page = (pageOptions: Hooks & { data?: unknown }) => {
    const methods: Hooks = {};
    for (const [key, value] of Object.entries(pageOptions)) {
      if (typeof value === 'function') methods[key] = value as Hooks[string];
    }
    g.Component({
      data: pageOptions.data ?? {},
      methods,
      lifetimes: {
        attached(this: Hooks & { route: string }) {
          this.route = route;
          this.onLoad(query);
          this.onShow();
          this.onReady();
        },
      },
    });
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  const launched: Hooks = app;
  launched.onLaunch.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });
  launched.onShow.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });

  return {
    simulate,
    storage,
    requests,
    /** The app comes back to the foreground (e.g. after the resident agreed on another page). */
    showApp() {
      launched.onShow.call(launched, { path: route, query, scene: 1001 });
    },
    render(pagePath: string, pageQuery: Record<string, string> = {}): SimComponent {
      route = pagePath;
      query = pageQuery;
      // The simulator registers a definition once per path; render it again for a fresh page.
      const id = loaded.get(pagePath) ?? simulate.load(path.join(DIST, pagePath), { compiler: 'official', rootPath: DIST });
      loaded.set(pagePath, id);
      const page = simulate.render(id);
      page.attach(document.body);
      return page;
    },
  };
}

export function textOf(component: SimComponent): string {
  return component.dom.textContent ?? '';
}

export async function waitForText(component: SimComponent, text: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (textOf(component).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`"${text}" never appeared; page text: ${textOf(component).slice(0, 400)}`);
}

/** The innermost element whose text is exactly `text`, tapped like a finger would. */
export function tapText(component: SimComponent, selector: string, text: string): void {
  const target = component.querySelectorAll(selector).find((node) => textOf(node).trim() === text);
  if (!target) throw new Error(`no ${selector} with text "${text}"; page text: ${textOf(component).slice(0, 400)}`);
  target.dispatchEvent('tap');
}
