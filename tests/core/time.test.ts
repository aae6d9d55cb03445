import { describe, expect, it } from 'vitest';
import { addDays, dayRangeInstants, defaultDesde, isIsoDate, mxInstant, mxOffset, todayMx } from '../../src/core/time.js';

describe('the Mexico City calendar (src/core/time.ts)', () => {
  it('today is the Mexico City date, not the UTC one', () => {
    // 2026-03-01 03:00 UTC is still 28 February (21:00) in Mexico City.
    expect(todayMx(Date.parse('2026-03-01T03:00:00Z'))).toBe('2026-02-28');
    expect(todayMx(Date.parse('2026-03-01T06:00:00Z'))).toBe('2026-03-01');
  });

  it('checks calendar dates and adds days across months and leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('one default range: 365 days with both ends included', () => {
    expect(defaultDesde('2026-11-30')).toBe('2025-12-01');
    expect(defaultDesde('2025-03-01')).toBe('2024-03-02'); // over 29 February 2024
  });

  it('uses the real offset of each date: −05:00 in the summers before 2022, −06:00 after', () => {
    expect(mxOffset(Date.parse('2022-07-01T12:00:00Z'))).toBe('-05:00');
    expect(mxOffset(Date.parse('2025-07-01T12:00:00Z'))).toBe('-06:00');
    expect(mxInstant('2022-07-01T10:00')).toBe('2022-07-01T10:00:00-05:00');
    expect(mxInstant('2025-03-10')).toBe('2025-03-10T00:00:00-06:00');
    expect(Date.parse(mxInstant('2025-03-10'))).toBe(Date.parse('2025-03-10T06:00:00Z'));
    expect(mxInstant('no es fecha')).toBe('no es fecha');
  });

  it('a range of whole days ends at the start of the day after hasta', () => {
    expect(dayRangeInstants({ desde: '2025-01-01', hasta: '2025-01-31' })).toEqual({ desde: '2025-01-01T00:00:00-06:00', hasta: '2025-02-01T00:00:00-06:00' });
  });
});
