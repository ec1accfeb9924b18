// jsdom ships without types and @types/jsdom is not installed; this test only needs the window.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
