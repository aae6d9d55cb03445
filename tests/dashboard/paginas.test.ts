import { describe, expect, it } from 'vitest';
import { leerTodas, type Pagina } from '$lib/paginas';

/** A list of `n` rows paged as the API pages it: rows from `desde`, at most `limite`, and the total. */
const lista = (n: number, lecturas: Array<[number, number]> = []) => async (desde: number, limite: number): Promise<Pagina<number>> => {
  lecturas.push([desde, limite]);
  return { rows: Array.from({ length: Math.max(0, Math.min(limite, n - desde)) }, (_, i) => desde + i), total: n };
};

describe('leerTodas (CSV downloads of paged tables)', () => {
  it('reads page after page until the total, in order, and reports its progress', async () => {
    const lecturas: Array<[number, number]> = [];
    const avance: string[] = [];
    const filas = await leerTodas(lista(12_345, lecturas), 5000, (l, t) => avance.push(`${l}/${t}`));
    expect(filas).toEqual(Array.from({ length: 12_345 }, (_, i) => i));
    expect(lecturas).toEqual([[0, 5000], [5000, 5000], [10_000, 5000]]);
    expect(avance).toEqual(['5000/12345', '10000/12345', '12345/12345']);
  });

  it('an empty list is one read; a list that shrinks while it is read stops at the empty page', async () => {
    const lecturas: Array<[number, number]> = [];
    expect(await leerTodas(lista(0, lecturas), 100)).toEqual([]);
    expect(lecturas).toEqual([[0, 100]]);
    let llamadas = 0;
    const encoge = async (desde: number, limite: number): Promise<Pagina<number>> => {
      llamadas++;
      // The first page says 300 rows; meanwhile the list dropped to 100.
      return llamadas === 1 ? { rows: Array.from({ length: limite }, (_, i) => desde + i), total: 300 } : { rows: [], total: 100 };
    };
    expect(await leerTodas(encoge, 100)).toHaveLength(100);
    expect(llamadas).toBe(2);
  });
});
