import type { DivisionNode } from '@anqian/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const flatten = (node: DivisionNode): DivisionNode[] => [node, ...node.children.flatMap(flatten)];

describe('GET /api/divisions', () => {
  it('returns the county with its townships and villages, to anyone', async () => {
    const response = await t.request().get('/api/divisions');

    expect(response.status).toBe(200);
    const county: DivisionNode = response.body;
    expect(county).toMatchObject({ code: '532329000000', name: '武定县', level: 'county' });
    expect(county.children.length).toBeGreaterThan(5);
    expect(county.children.map((township) => township.name)).toContain('狮山镇');
    for (const township of county.children) {
      expect(township).toMatchObject({ level: 'township', code: expect.stringMatching(/^532329\d{3}000$/) });
      expect(township.children.length).toBeGreaterThan(0);
      for (const village of township.children) {
        expect(village.level).toBe('village');
        expect(village.code).toMatch(/^\d{12}$/);
        expect(village.code.slice(0, 9)).toBe(township.code.slice(0, 9));
        expect(village.code.endsWith('000')).toBe(false);
        expect(village.children).toEqual([]);
      }
    }
  });

  it('has unique codes, sorted, matching what is stored', async () => {
    const all = flatten((await t.request().get('/api/divisions')).body);
    const codes = all.map((node) => node.code);

    expect(new Set(codes).size).toBe(codes.length);
    const townships = all.filter((node) => node.level === 'township').map((node) => node.code);
    expect(townships).toEqual([...townships].sort());
    expect(await t.connection.db!.collection('divisions').countDocuments()).toBe(all.length);
  });
});
