import { z } from 'zod';
import type { AnyRoute } from './define-route';

const ERROR_RESPONSE = {
  description: '错误：{ error: { code, message, details } }',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              details: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parameters(route: AnyRoute) {
  const list: object[] = [];
  for (const [location, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: location, required: location === 'path' || Boolean(json.required?.includes(name)), schema: property });
    }
  }
  return list;
}

function security(route: AnyRoute) {
  if (route.access.kind === 'public') return [];
  return route.access.kind === 'staff' ? [{ staffSession: [] }] : [{ residentBearer: [] }];
}

function accessNote(route: AnyRoute): string {
  const who =
    route.access.kind === 'public' ? '公开' : route.access.kind === 'resident' ? '居民' : `工作人员：${route.access.roles.join('、')}`;
  return `调用者：${who}${route.audit ? `；审计：${route.audit}` : ''}`;
}

/** The OpenAPI document is generated from the same route table and zod schemas the server enforces. */
export function buildOpenApi(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      description: accessNote(route),
      tags: [route.tag],
      security: security(route),
      parameters: parameters(route),
      ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }),
      responses: {
        [route.successStatus ?? 200]: { description: '成功' },
        '4XX': ERROR_RESPONSE,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '安迁通 API', version: '0.1.0', description: '避险搬迁服务平台接口' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'aq_sid', description: '写操作还需 X-CSRF-Token 请求头' },
        residentBearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
