import { describe, expect, it } from 'vitest';
import { periodoDe, proximoEnvio } from '../../src/domains/reportes/periodo.js';
import { trimestreCerradoAl } from '../../src/domains/metas/suscripcion.js';

describe('when scheduled reports go out and what they cover (Mexico City time)', () => {
  it('weekly: the next Monday at 07:00; a Monday after 07:00 waits a week', () => {
    // Wednesday 1 April 2026 → Monday 6 April 07:00 (13:00 UTC).
    expect(proximoEnvio('semanal', new Date('2026-04-01T18:00:00Z')).toISOString()).toBe('2026-04-06T13:00:00.000Z');
    expect(proximoEnvio('semanal', new Date('2026-04-06T12:59:00Z')).toISOString()).toBe('2026-04-06T13:00:00.000Z');
    expect(proximoEnvio('semanal', new Date('2026-04-06T13:00:00Z')).toISOString()).toBe('2026-04-13T13:00:00.000Z');
    // Sunday 23:30 in Mexico City is already Monday in UTC: still the same Monday's 07:00.
    expect(proximoEnvio('semanal', new Date('2026-04-13T05:30:00Z')).toISOString()).toBe('2026-04-13T13:00:00.000Z');
  });

  it('monthly: day 1 at 07:00, across the year', () => {
    expect(proximoEnvio('mensual', new Date('2026-12-15T00:00:00Z')).toISOString()).toBe('2027-01-01T13:00:00.000Z');
    expect(proximoEnvio('mensual', new Date('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-03-01T13:00:00.000Z');
  });

  it('a weekly sending covers the 7 days before it; a monthly one the previous calendar month', () => {
    expect(periodoDe('semanal', new Date('2026-04-06T13:00:00Z'))).toEqual({ desde: '2026-03-30', hasta: '2026-04-05' });
    expect(periodoDe('mensual', new Date('2026-03-01T13:00:00Z'))).toEqual({ desde: '2026-02-01', hasta: '2026-02-28' });
    expect(periodoDe('mensual', new Date('2027-01-01T13:00:00Z'))).toEqual({ desde: '2026-12-01', hasta: '2026-12-31' });
    // A retry days later still covers the same month.
    expect(periodoDe('mensual', new Date('2026-03-04T13:00:00Z'))).toEqual({ desde: '2026-02-01', hasta: '2026-02-28' });
  });

  it('the POA workbook of a period is the one of the last quarter closed by its end', () => {
    expect(trimestreCerradoAl('2026-03-31')).toEqual({ ejercicio: 2026, trimestre: 1 });
    expect(trimestreCerradoAl('2026-04-05')).toEqual({ ejercicio: 2026, trimestre: 1 });
    expect(trimestreCerradoAl('2026-03-29')).toEqual({ ejercicio: 2025, trimestre: 4 });
    expect(trimestreCerradoAl('2026-12-31')).toEqual({ ejercicio: 2026, trimestre: 4 });
  });
});
