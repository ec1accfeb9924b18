import { withCheckDigit } from '../id-number';
import { ageOn, birthDateTextOf, isEmployed, isWorkingAgeOn, nextWorkingAgeChange } from './employment';

describe('working age', () => {
  const idNumber = withCheckDigit('53232919660815001');

  it('reads the birth date from the ID number and counts whole years', () => {
    expect(birthDateTextOf(idNumber)).toBe('1966-08-15');
    expect(ageOn('1966-08-15', '2026-08-14')).toBe(59);
    expect(ageOn('1966-08-15', '2026-08-15')).toBe(60);
  });

  it('is 16 to 60 inclusive: the 61st birthday ends it', () => {
    expect(isWorkingAgeOn('1966-08-15', '2027-08-14')).toBe(true);
    expect(isWorkingAgeOn('1966-08-15', '2027-08-15')).toBe(false);
    expect(isWorkingAgeOn('2010-03-01', '2026-02-28')).toBe(false);
    expect(isWorkingAgeOn('2010-03-01', '2026-03-01')).toBe(true);
  });

  it('names the next day working age begins or ends, a leap-day birthday on 1 March', () => {
    expect(nextWorkingAgeChange('2010-03-01', '2026-01-01')).toBe('2026-03-01');
    expect(nextWorkingAgeChange('1966-08-15', '2026-01-01')).toBe('2027-08-15');
    expect(nextWorkingAgeChange('1950-01-01', '2026-01-01')).toBeNull();
    expect(nextWorkingAgeChange('2008-02-29', '2023-01-01')).toBe('2024-02-29');
    expect(nextWorkingAgeChange('1964-02-29', '2024-03-01')).toBe('2025-03-01');
    expect(isWorkingAgeOn('1964-02-29', '2025-02-28')).toBe(true);
    expect(isWorkingAgeOn('1964-02-29', '2025-03-01')).toBe(false);
  });

  it('counts the six work statuses as in work, and neither 未就业, 无劳动能力 nor no status', () => {
    expect(['migrant_in_county', 'migrant_outside_county', 'local_job', 'public_welfare', 'self_employed', 'flexible'].every((status) => isEmployed(status as never))).toBe(true);
    expect([isEmployed('unemployed'), isEmployed('no_ability'), isEmployed(null)]).toEqual([false, false, false]);
  });
});
