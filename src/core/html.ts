/** Helpers of the printable pages (PDF reports): text made safe for HTML, and dates as Mexico writes them. */

/** Any value as HTML text: & < > " ' escaped. */
export const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An ISO date (or the date part of an instant) as dd/mm/aaaa. */
export const fechaDmy = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');
