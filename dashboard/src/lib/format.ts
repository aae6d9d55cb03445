import { addDays, defaultDesde, TZ, todayMx } from '$core/time';

/** Mexican Spanish formats: numbers 1,234.5, dates dd/mm/aaaa, times in America/Mexico_City. */
const nf = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });

export function num(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return digits === 0 ? nf0.format(v) : digits === 1 ? nf.format(v) : new Intl.NumberFormat('es-MX', { maximumFractionDigits: digits }).format(v);
}

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${num(v, digits)} %`;
}

export function hours(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${num(v)} h`;
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00-06:00`) : new Date(iso);
  return d.toLocaleDateString('es-MX', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${date(iso)} ${d.toLocaleTimeString('es-MX', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

/** "hace 3 h" style freshness. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'nunca';
  const m = Math.round((now - new Date(iso).getTime()) / 60000);
  if (m < 1) return 'hace un momento';
  if (m < 60) return `hace ${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `hace ${h} h`;
  return `hace ${Math.round(h / 24)} días`;
}

/** Today in Mexico City as aaaa-mm-dd: the server's own function (src/core/time.ts), so both agree. */
export const todayIso = (): string => todayMx();

export function isoDaysAgo(days: number): string {
  return addDays(todayMx(), -days);
}

/** The start of a figure's default range ending on `hasta`: the same 365 days the API uses. */
export { defaultDesde };
