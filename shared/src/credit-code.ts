/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V), the last one a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check_character';

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）',
  check_character: '统一社会信用代码校验位不对，请对照营业执照逐位核对',
};

/** The check character for the first 17 characters (which must be from the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * ALPHABET.indexOf(first17[i]), 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** What is wrong with `value` (already trimmed and upper-cased), or null when it is a valid code. */
export function creditCodeProblem(value: string): CreditCodeProblem | null {
  if (value.length !== 18) return 'length';
  if (![...value].every((char) => ALPHABET.includes(char))) return 'characters';
  return creditCodeCheckCharacter(value.slice(0, 17)) === value[17] ? null : 'check_character';
}

/** Appends the right check character to 17 characters; used by factories and demo data. */
export const withCreditCodeCheck = (first17: string): string => first17 + creditCodeCheckCharacter(first17);
