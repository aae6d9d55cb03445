/**
 * Calendar days and instants in Mexico City, the one time zone Atalaya reports in (DESIGN.md §1). Plain functions
 * with no Node imports, so the dashboard bundles the same module.
 */
export const TZ = 'America/Mexico_City';

/** A figure's default range: the last 365 days, today included. */
export const DEFAULT_RANGE_DAYS = 365;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

// One formatter for every call: toLocaleDateString with options builds a new one each time (~0.3 ms), and the
// uptime windows ask for today on every read.
const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Mexico City as aaaa-mm-dd. */
export function todayMx(now: number = Date.now()): string {
  const p: Record<string, string> = {};
  for (const x of dayFormat.formatToParts(new Date(now))) p[x.type] = x.value;
  return `${p.year}-${p.month}-${p.day}`;
}

/** True for a real calendar date written aaaa-mm-dd (2025-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The calendar date n days after (before, when negative) an aaaa-mm-dd date. */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The default range ending today (or on `hasta`): DEFAULT_RANGE_DAYS days, both ends included. */
export function defaultDesde(hasta: string): string {
  return addDays(hasta, -(DEFAULT_RANGE_DAYS - 1));
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' });

/** Mexico City's UTC offset at an instant, as ±hh:mm (−06:00 since 2022; −05:00 in the summers before). */
export function mxOffset(at: number): string {
  const name = offsetFormat.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

const offsetMs = (off: string): number => (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6))) * 60_000;

/** The instant of a Mexico City wall-clock time `aaaa-mm-ddThh:mm[:ss]` (or a date, at 00:00), with its offset. */
export function mxInstant(local: string): string {
  const wall = local.length === 10 ? `${local}T00:00:00` : local.length === 16 ? `${local}:00` : local;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc)) return wall; // not a time: the caller's own parse rejects it
  // The offset at the wall-clock time read as UTC is right except within hours of a change; a second pass settles it.
  let off = mxOffset(asUtc);
  off = mxOffset(asUtc - offsetMs(off));
  return `${wall}${off}`;
}

/** [start of desde, start of the day after hasta) in Mexico City, as instants: a range of whole days. */
export function dayRangeInstants(r: { desde: string; hasta: string }): { desde: string; hasta: string } {
  return { desde: mxInstant(r.desde), hasta: mxInstant(addDays(r.hasta, 1)) };
}

/** A date range of a figure: ISO dates, both included (Mexico City days). */
export interface Rango {
  desde: string;
  hasta: string;
}

/** An instant as Mexico City reads it (dd/mm/aaaa hh:mm by default), for messages, reports and the CLI. */
export function formatMx(iso: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' }): string {
  return new Date(iso).toLocaleString('es-MX', { timeZone: TZ, ...opts });
}

/** The months in Spanish, abbreviated (the POA's monthly columns). */
export const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'] as const;
