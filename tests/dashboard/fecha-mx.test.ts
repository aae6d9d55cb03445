import { describe, expect, it } from 'vitest';
import { errorFechaMx, formatFechaMx, parseFechaMx } from '../../dashboard/src/lib/fecha-mx.js';

describe('dates typed as dd/mm/aaaa', () => {
  it('reads day first, whatever the separator, and ISO pasted from elsewhere', () => {
    expect(['05/03/2026', '5/3/2026', '05-03-2026', '05.03.2026', '05032026', ' 05/03/2026 ', '2026-03-05'].map(parseFechaMx)).toEqual(Array(7).fill('2026-03-05'));
    expect(parseFechaMx('31/12/1999')).toBe('1999-12-31');
  });

  it('refuses what is not a calendar day', () => {
    for (const t of ['', '30/02/2026', '29/02/2025', '00/01/2026', '13/13/2026', '03/05/26', '2026/03/05', 'mañana', '05/03/1899', '01/01/2200', '5032026']) {
      expect(parseFechaMx(t), t).toBeNull();
    }
    expect(parseFechaMx('29/02/2024')).toBe('2024-02-29');
  });

  it('writes an ISO date back as dd/mm/aaaa', () => {
    expect([formatFechaMx('2026-03-05'), formatFechaMx(''), formatFechaMx(null), formatFechaMx('05/03/2026')]).toEqual(['05/03/2026', '', '', '']);
  });

  it('says in Spanish why a date is refused', () => {
    expect(errorFechaMx('05/03/2026', { min: '2026-01-01', max: '2026-12-31' })).toBe('');
    expect(errorFechaMx('')).toBe('');
    expect(errorFechaMx('', { requerida: true })).toBe('Escriba una fecha con el formato dd/mm/aaaa.');
    expect(errorFechaMx('31/02/2026')).toBe('«31/02/2026» no es una fecha válida: escríbala como dd/mm/aaaa.');
    expect(errorFechaMx('05/03/2026', { min: '2026-04-01' })).toBe('La fecha debe ser igual o posterior al 01/04/2026.');
    expect(errorFechaMx('05/03/2026', { max: '2026-03-04' })).toBe('La fecha debe ser igual o anterior al 04/03/2026.');
  });
});
