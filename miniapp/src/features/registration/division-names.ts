/** "东岳社区居民委员会" → "东岳社区", "狮高村民委员会" → "狮高村": the names people use. */
export function shortDivisionName(name: string): string {
  return name.replace(/居民委员会$/, '').replace(/村民委员会$/, '村');
}
