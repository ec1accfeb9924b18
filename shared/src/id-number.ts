/** Mainland resident ID numbers (GB 11643-1999): 17 digits, a check character, a real birth date. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export function idNumberProblem(value: string, today = new Date()): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const birth = birthDateOf(value);
  if (!birth || birth > today || birth.getUTCFullYear() < 1900) return 'birth_date';
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return CHECK_CHARS[sum % 11] === value[17] ? null : 'check_digit';
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可以是数字或大写 X',
  birth_date: '身份证号中的出生日期不正确',
  check_digit: '身份证号校验位不对，请逐位核对',
};

export function birthDateOf(value: string): Date | null {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/** Appends the right check character to 17 digits; used by factories and demo data. */
export function withCheckDigit(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + CHECK_CHARS[sum % 11];
}

/** Whole years of age on `date`, from the birth date inside the ID number. */
export function ageFromIdNumber(value: string, date = new Date()): number {
  const birth = birthDateOf(value);
  if (!birth) return 0;
  const hadBirthday =
    date.getUTCMonth() > birth.getUTCMonth() ||
    (date.getUTCMonth() === birth.getUTCMonth() && date.getUTCDate() >= birth.getUTCDate());
  return date.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

/** The 17th digit is odd for men and even for women. */
export function genderFromIdNumber(value: string): 'male' | 'female' {
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}
