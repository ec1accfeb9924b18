import { maskIdNumber, maskPhone, MOBILE_PATTERN } from './masking';
import { withCheckDigit } from './id-number';

const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;

describe('maskIdNumber', () => {
  it('keeps the region and the last four characters, hiding the birth date', () => {
    const value = withCheckDigit('53232919800115123');
    const masked = maskIdNumber(value);

    expect(masked).toMatch(MASKED_ID);
    expect(masked).toBe(`532329********${value.slice(14)}`);
    expect(masked).not.toContain('19800115');
  });

  it('keeps a trailing X', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X')).toMatch(MASKED_ID);
  });
});

describe('maskPhone', () => {
  it('shows the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('MOBILE_PATTERN', () => {
  it.each(['13812345678', '19912345678'])('accepts %s', (value) => expect(MOBILE_PATTERN.test(value)).toBe(true));
  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678'])('refuses %s', (value) => expect(MOBILE_PATTERN.test(value)).toBe(false));
});
