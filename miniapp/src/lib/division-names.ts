import { findDivision, type DivisionNode } from '@anqian/shared';

/** "东岳社区居民委员会" → "东岳社区", "狮高村民委员会" → "狮高村": the names people use. */
export function shortDivisionName(name: string): string {
  return name.replace(/居民委员会$/, '').replace(/村民委员会$/, '村');
}

export function divisionName(tree: DivisionNode | null, code: string): string | undefined {
  const name = tree && code ? findDivision(tree, code)?.name : undefined;
  return name === undefined ? undefined : shortDivisionName(name);
}
