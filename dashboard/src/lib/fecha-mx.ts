/**
 * Dates as users in Mexico write them (dd/mm/aaaa) ↔ the ISO dates (aaaa-mm-dd) the URL and the API carry. No
 * imports: the server's tests import it too.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether day/month/year name a real calendar day (29/02 only in leap years) between 1900 and 2199. */
function valida(d: number, m: number, y: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The ISO date of what a user typed, or null when it is not a date: `dd/mm/aaaa` (also d/m/aaaa, with `-` or `.`
 * between the parts, or the 8 digits ddmmaaaa), or an ISO `aaaa-mm-dd` pasted from elsewhere.
 */
export function parseFechaMx(texto: string): string | null {
  const t = texto.trim();
  let d: number, m: number, y: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  return valida(d, m, y) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** dd/mm/aaaa of an ISO date ('' for an empty or malformed one). */
export function formatFechaMx(iso: string | null | undefined): string {
  const r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return r ? `${r[3]}/${r[2]}/${r[1]}` : '';
}

/** Why a typed date is refused ('' when it is fine), in Spanish, given the allowed range (ISO, inclusive). */
export function errorFechaMx(texto: string, opciones: { min?: string; max?: string; requerida?: boolean } = {}): string {
  if (!texto.trim()) return opciones.requerida ? 'Escriba una fecha con el formato dd/mm/aaaa.' : '';
  const iso = parseFechaMx(texto);
  if (!iso) return `«${texto.trim()}» no es una fecha válida: escríbala como dd/mm/aaaa.`;
  if (opciones.min && iso < opciones.min) return `La fecha debe ser igual o posterior al ${formatFechaMx(opciones.min)}.`;
  if (opciones.max && iso > opciones.max) return `La fecha debe ser igual o anterior al ${formatFechaMx(opciones.max)}.`;
  return '';
}
