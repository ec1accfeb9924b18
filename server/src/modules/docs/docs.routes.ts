import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnyRoute } from '../../routing/define-route';
import { defineRoute } from '../../routing/define-route';
import { buildOpenApi } from '../../routing/openapi';

const viewerHtml = readFileSync(path.join(__dirname, 'viewer.html'), 'utf8');
const viewerScript = readFileSync(path.join(__dirname, 'viewer.js'), 'utf8');

/** Built from the finished route table, so the document always matches what is served. */
export function docsRoutes(table: readonly AnyRoute[]): AnyRoute[] {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  const docRoutes: AnyRoute[] = [
    defineRoute({
      method: 'get',
      path: '/api/docs',
      summary: 'OpenAPI 文档（JSON）',
      tag: 'docs',
      access: { kind: 'public' },
      handler: () => (document ??= buildOpenApi([...table, ...docRoutes])),
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs/ui',
      summary: 'API 文档查看页',
      tag: 'docs',
      access: { kind: 'public' },
      handler: (ctx) => {
        ctx.type = 'html';
        return viewerHtml;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/docs/viewer.js',
      summary: 'API 文档查看页脚本',
      tag: 'docs',
      access: { kind: 'public' },
      handler: (ctx) => {
        ctx.type = 'application/javascript';
        return viewerScript;
      },
    }),
  ];
  return docRoutes;
}
