/** Semáforo and classification labels shared by the Metas and Evaluación pages (DESIGN.md §3, §3b). */
export type Semaforo = 'verde' | 'amarillo' | 'rojo' | 'rebasada' | 'sin_meta';
export const SEMAFOROS: readonly Semaforo[] = ['verde', 'amarillo', 'rojo', 'rebasada', 'sin_meta'];
export const SEM: Record<Semaforo, { txt: string; icon: string; color: string }> = {
  verde: { txt: 'Verde', icon: '✓', color: 'var(--verde)' },
  amarillo: { txt: 'Amarillo', icon: '!', color: 'var(--amarillo)' },
  rojo: { txt: 'Rojo', icon: '✕', color: 'var(--rojo)' },
  rebasada: { txt: 'Rebasada', icon: '▲', color: 'var(--rebasada)' },
  sin_meta: { txt: 'Sin meta', icon: '—', color: 'var(--sin-meta)' },
};
/** Hex colors for ECharts (CSS variables do not reach the canvas); same palette as app.css. */
export const SEM_HEX: Record<Semaforo, string> = { verde: '#1a7f4b', amarillo: '#b7791f', rojo: '#c0392b', rebasada: '#2b6cb0', sin_meta: '#718096' };
export const semTxt = (s: string | null | undefined): string => (s && s in SEM ? `${SEM[s as Semaforo].icon} ${SEM[s as Semaforo].txt}` : '— Sin información');
export const CLASIF: Record<string, string> = {
  no_cumplida: 'Meta no cumplida',
  parcialmente_cumplida: 'Meta parcialmente cumplida',
  cumplida: 'Meta cumplida — sin variación',
  rebasada: 'Meta rebasada',
};
export const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
export const COMO_SEMAFORO =
  'Avance = 100 × realizado / programado, acumulado de enero al cierre del trimestre. Verde: 90 % a 130 %; amarillo: 70 % a menos de 90 %; rojo: menos de 70 %; rebasada: más de 130 % (o algo realizado sin nada programado); sin meta: nada programado ni realizado. Los indicadores pueden tener umbrales propios.';
