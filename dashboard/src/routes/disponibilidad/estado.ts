/** How each service state is shown: word + symbol + color variable (never color alone). */
export type EstadoServicio = 'arriba' | 'abajo' | 'mantenimiento' | 'sin_datos';

export const ESTADO: Record<EstadoServicio, { palabra: string; simbolo: string; color: string }> = {
  arriba: { palabra: 'Operando', simbolo: '✓', color: 'var(--verde)' },
  abajo: { palabra: 'Caído', simbolo: '✕', color: 'var(--rojo)' },
  mantenimiento: { palabra: 'En mantenimiento', simbolo: '!', color: 'var(--amarillo)' },
  sin_datos: { palabra: 'Sin datos', simbolo: '—', color: 'var(--sin-meta)' },
};

/** Color of a day's uptime in the 90-day bars (with the same thresholds the legend states). */
export function colorDia(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) return 'var(--sin-info)';
  if (uptime >= 99.5) return 'var(--verde)';
  if (uptime >= 95) return 'var(--amarillo)';
  return 'var(--rojo)';
}

/** The last `n` calendar days (Mexico City) as aaaa-mm-dd, oldest first. */
export function ultimosDias(n: number, hoy: string): string[] {
  const out: string[] = [];
  const base = Date.parse(`${hoy}T12:00:00Z`);
  for (let k = n - 1; k >= 0; k--) out.push(new Date(base - k * 86_400_000).toISOString().slice(0, 10));
  return out;
}
