import { countyCodeOf, divisionLevel, divisionPrefix, findDivision, isWithinDivision, townshipCodeOf, type DivisionNode } from './divisions';

const COUNTY = '532329000000';
const TOWNSHIP_A = '532329100000';
const TOWNSHIP_B = '532329101000';
const VILLAGE_A = '532329100201';
const VILLAGE_B = '532329101203';

describe('divisionLevel and divisionPrefix', () => {
  it.each([
    [COUNTY, 'county', '532329'],
    [TOWNSHIP_A, 'township', '532329100'],
    [VILLAGE_A, 'village', VILLAGE_A],
  ])('%s is a %s with prefix %s', (code, level, prefix) => {
    expect(divisionLevel(code)).toBe(level);
    expect(divisionPrefix(code)).toBe(prefix);
  });
});

describe('isWithinDivision', () => {
  it('puts a village inside its township and its county', () => {
    expect(isWithinDivision(VILLAGE_A, TOWNSHIP_A)).toBe(true);
    expect(isWithinDivision(VILLAGE_A, COUNTY)).toBe(true);
    expect(isWithinDivision(TOWNSHIP_A, COUNTY)).toBe(true);
  });

  it('counts a division as within itself', () => {
    for (const code of [COUNTY, TOWNSHIP_A, VILLAGE_A]) expect(isWithinDivision(code, code)).toBe(true);
  });

  it('keeps a village out of another township, and neighbours out of each other', () => {
    expect(isWithinDivision(VILLAGE_A, TOWNSHIP_B)).toBe(false);
    expect(isWithinDivision(TOWNSHIP_B, TOWNSHIP_A)).toBe(false);
    expect(isWithinDivision(VILLAGE_B, VILLAGE_A)).toBe(false);
  });

  it('keeps a higher level out of a lower one, and another county out', () => {
    expect(isWithinDivision(COUNTY, TOWNSHIP_A)).toBe(false);
    expect(isWithinDivision(TOWNSHIP_A, VILLAGE_A)).toBe(false);
    expect(isWithinDivision('532301100201', COUNTY)).toBe(false);
  });
});

describe('townshipCodeOf and countyCodeOf', () => {
  it('finds the parents of a code', () => {
    expect(townshipCodeOf(VILLAGE_A)).toBe(TOWNSHIP_A);
    expect(townshipCodeOf(TOWNSHIP_A)).toBe(TOWNSHIP_A);
    expect(townshipCodeOf(COUNTY)).toBeNull();
    expect(countyCodeOf(VILLAGE_B)).toBe(COUNTY);
  });
});

describe('findDivision', () => {
  const node = (code: string, level: DivisionNode['level'], children: DivisionNode[] = []): DivisionNode => ({ code, name: code, level, children });
  const tree = node(COUNTY, 'county', [
    node(TOWNSHIP_A, 'township', [node(VILLAGE_A, 'village')]),
    node(TOWNSHIP_B, 'township', [node(VILLAGE_B, 'village')]),
  ]);

  it('finds any node of the tree', () => {
    expect(findDivision(tree, VILLAGE_B)?.code).toBe(VILLAGE_B);
    expect(findDivision(tree, TOWNSHIP_A)?.children).toHaveLength(1);
    expect(findDivision(tree, COUNTY)).toBe(tree);
  });

  it('returns undefined for a code not in the tree', () => {
    expect(findDivision(tree, '532329100999')).toBeUndefined();
    expect(findDivision(tree, '532301100201')).toBeUndefined();
  });
});
