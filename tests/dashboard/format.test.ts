import { describe, expect, it } from 'vitest';
import { date, dateTime, num, pct } from '../../dashboard/src/lib/format.js';

describe('Mexican formats', () => {
  it('writes midnight in Mexico City as 00:00, not 24:00', () => {
    // 06:00 UTC on 1 Jan 2026 is 00:00 in America/Mexico_City (UTC−6, no DST since 2022).
    expect(dateTime('2026-01-01T06:00:00Z')).toBe('01/01/2026 00:00');
    expect(dateTime('2026-01-01T05:59:00Z')).toBe('31/12/2025 23:59');
  });

  it('writes dates dd/mm/aaaa and numbers with a comma for thousands', () => {
    expect(date('2026-03-05')).toBe('05/03/2026');
    expect(num(1234.56)).toBe('1,234.6');
    expect(pct(87.25)).toBe('87.3 %');
    expect(num(null)).toBe('—');
  });
});
