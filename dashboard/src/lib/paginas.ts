/** One page of a list paged on the server: its rows and how many the list holds in all (X-Total-Count). */
export interface Pagina<T> {
  rows: T[];
  total: number;
}

/**
 * Every row of a list paged on the server, read `porPagina` rows at a time in the order asked for (a CSV download
 * of a list longer than one answer may carry). `progreso` hears the rows read so far and the total after each
 * page. Stops when the total is reached, or at an empty page (the list shrank meanwhile).
 */
export async function leerTodas<T>(
  leerPagina: (desdeFila: number, limite: number) => Promise<Pagina<T>>,
  porPagina: number,
  progreso?: (leidas: number, total: number) => void,
): Promise<T[]> {
  const filas: T[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (filas.length < total) {
    const p = await leerPagina(filas.length, porPagina);
    total = p.total;
    for (const r of p.rows) filas.push(r);
    progreso?.(filas.length, total);
    if (p.rows.length === 0) break;
  }
  return filas;
}
