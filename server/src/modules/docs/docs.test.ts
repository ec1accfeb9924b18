import { createTestApp, type TestApp } from '../../../test/test-app';
import { routeTable } from '../../routing/route-table';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document listing every route with its method', async () => {
    const response = await t.request().get('/api/docs');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const routes = routeTable.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(routes.sort());
  });

  it('describes who may call each route and what it takes', async () => {
    const { body } = await t.request().get('/api/docs');

    expect(body.paths['/api/staff'].post).toMatchObject({
      security: [{ staffSession: [] }],
      requestBody: { content: { 'application/json': { schema: { required: expect.arrayContaining(['username', 'role', 'divisionCode']) } } } },
    });
    expect(body.paths['/api/staff/{id}'].get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(body.paths['/api/resident/me'].get.security).toEqual([{ residentBearer: [] }]);
    expect(body.paths['/api/divisions'].get.security).toEqual([]);
    expect(body.paths['/api/staff'].post.responses).toHaveProperty('201');
  });

  it('serves a viewer page and its script', async () => {
    const page = await t.request().get('/api/docs/ui');
    const script = await t.request().get('/api/docs/viewer.js');

    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/<html[\s\S]*\/api\/docs\/viewer\.js/);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });
});
