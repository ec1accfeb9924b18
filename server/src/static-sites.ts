import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import mount from 'koa-mount';
import send from 'koa-send';
import serve from 'koa-static';

/**
 * Serves a built single-page app under a prefix, falling back to its index.html for client-side
 * routes. A missing build answers with a hint instead of a bare 404.
 */
export function spa(prefix: string, dir: string, buildHint: string): Middleware {
  const files = serve(dir, { index: 'index.html' });
  return mount(prefix, async (ctx) => {
    if (!existsSync(path.join(dir, 'index.html'))) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `${prefix} 尚未构建：${buildHint}`;
      return;
    }
    await files(ctx, async () => undefined);
    if (ctx.body == null && ctx.method === 'GET' && !path.extname(ctx.path)) await send(ctx, 'index.html', { root: dir });
  });
}
