/**
 * 12-digit administrative division codes (GB/T 2260 county code + 3-digit township + 3-digit village).
 * County: 532329000000, township: 532329100000, village: 532329100201.
 */
export type DivisionLevel = 'county' | 'township' | 'village';

export type DivisionNode = {
  code: string;
  name: string;
  level: DivisionLevel;
  children: DivisionNode[];
};

export const DIVISION_CODE_PATTERN = /^\d{12}$/;

export function divisionLevel(code: string): DivisionLevel {
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

/** The leading digits every division inside `code` shares. */
export function divisionPrefix(code: string): string {
  switch (divisionLevel(code)) {
    case 'county':
      return code.slice(0, 6);
    case 'township':
      return code.slice(0, 9);
    case 'village':
      return code;
  }
}

/** True when `code` is `scopeCode` itself or lies below it. */
export function isWithinDivision(code: string, scopeCode: string): boolean {
  return code.startsWith(divisionPrefix(scopeCode));
}

export function townshipCodeOf(code: string): string | null {
  return divisionLevel(code) === 'county' ? null : `${code.slice(0, 9)}000`;
}

export function countyCodeOf(code: string): string {
  return `${code.slice(0, 6)}000000`;
}

export function findDivision(root: DivisionNode, code: string): DivisionNode | undefined {
  if (root.code === code) return root;
  if (!isWithinDivision(code, root.code)) return undefined;
  for (const child of root.children) {
    const found = findDivision(child, code);
    if (found) return found;
  }
  return undefined;
}
