export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** 530102199001011234 → 530102********123X style: region kept, birth date hidden. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}

export function maskPhone(value: string): string {
  return `${value.slice(0, 3)}****${value.slice(7)}`;
}
