import { creditCodeCheckCharacter, creditCodeProblem, withCreditCodeCheck } from './credit-code';

describe('unified social credit codes (GB 32100-2015)', () => {
  test.each([
    // Published on business licences.
    '91350100M000100Y43',
    '91110000710935732K',
  ])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  test('the 31 possible 17th characters give 31 different check characters, 0 included', () => {
    const codes = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((char) => withCreditCodeCheck(`91532329MA6K0000${char}`));
    expect(codes.every((code) => creditCodeProblem(code) === null)).toBe(true);
    expect(new Set(codes.map((code) => code[17])).size).toBe(31);
    expect(codes.map((code) => creditCodeCheckCharacter(code.slice(0, 17)))).toContain('0');
  });

  test('refuses a changed character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_character');
    expect(creditCodeProblem('91350100M000101Y43')).toBe('check_character');
  });

  test.each([
    ['too short', '91350100M000100Y4', 'length'],
    ['too long', '91350100M000100Y433', 'length'],
    ['with a letter outside the alphabet', '91350100O000100Y43', 'characters'],
    ['in lower case', '91350100m000100y43', 'characters'],
  ])('refuses a code %s', (_, code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });
});
