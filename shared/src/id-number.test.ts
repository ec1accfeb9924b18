import { ID_NUMBER_MESSAGES, birthDateOf, idNumberProblem, withCheckDigit } from './id-number';

const TODAY = new Date('2026-06-01T00:00:00Z');
/** 武定县 region code, a birth date, a sequence number. */
const idFor = (birth: string, sequence = '123') => withCheckDigit(`532329${birth}${sequence}`);

describe('idNumberProblem', () => {
  it.each([
    ['an adult', idFor('19800115')],
    ['a child born today', idFor('20260601')],
    ['a leap day', idFor('20000229')],
    ['one whose check character is X', '11010519491231002X'],
  ])('accepts a valid number: %s', (_case, value) => {
    expect(idNumberProblem(value, TODAY)).toBeNull();
  });

  it('finds a wrong check character', () => {
    const valid = idFor('19800115');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong, TODAY)).toBe('check_digit');
  });

  it.each([
    ['30 February', idFor('19900230')],
    ['month 13', idFor('19901301')],
    ['29 February in a year that is not a leap year', idFor('19000229')],
    ['a date in the future', idFor('20260602')],
    ['a year before 1900', idFor('18991231')],
  ])('refuses a birth date on %s', (_case, value) => {
    expect(idNumberProblem(value, TODAY)).toBe('birth_date');
  });

  it.each([
    ['lowercase x', '11010519491231002x'],
    ['17 characters', idFor('19800115').slice(0, 17)],
    ['19 characters', `${idFor('19800115')}1`],
    ['letters inside', '5323291980O1151234'],
    ['spaces', ` ${idFor('19800115')}`],
  ])('refuses the format: %s', (_case, value) => {
    expect(idNumberProblem(value, TODAY)).toBe('format');
  });

  it('has a message for every problem', () => {
    for (const problem of ['format', 'birth_date', 'check_digit'] as const) expect(ID_NUMBER_MESSAGES[problem]).toMatch(/身份证号/);
  });
});

describe('withCheckDigit and birthDateOf', () => {
  it('computes the check character of a published example', () => {
    expect(withCheckDigit('11010519491231002')).toBe('11010519491231002X');
  });

  it('reads the birth date', () => {
    expect(birthDateOf(idFor('19800115'))).toEqual(new Date(Date.UTC(1980, 0, 15)));
    expect(birthDateOf(idFor('19800230'))).toBeNull();
  });
});
