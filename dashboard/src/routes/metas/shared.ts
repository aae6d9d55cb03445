import { SEMAFORO_ICONO, SEMAFORO_NOMBRE, SEMAFOROS, type Semaforo } from '$domains/metas/types';

/** Semáforo and classification labels shared by the Metas and Evaluación pages (DESIGN.md §3, §3b). */
export { CLASIFICACION_NOMBRE as CLASIF, COMO_SEMAFORO, MESES, SEMAFOROS, type Semaforo } from '$domains/metas/types';

const COLOR: Record<Semaforo, string> = {
  verde: 'var(--verde)', amarillo: 'var(--amarillo)', rojo: 'var(--rojo)', rebasada: 'var(--rebasada)', sin_meta: 'var(--sin-meta)',
};
export const SEM: Record<Semaforo, { txt: string; icon: string; color: string }> = Object.fromEntries(
  SEMAFOROS.map((s) => [s, { txt: SEMAFORO_NOMBRE[s], icon: SEMAFORO_ICONO[s], color: COLOR[s] }]),
) as Record<Semaforo, { txt: string; icon: string; color: string }>;
/** Hex colors for ECharts (CSS variables do not reach the canvas); same palette as app.css. */
export const SEM_HEX: Record<Semaforo, string> = { verde: '#1a7f4b', amarillo: '#b7791f', rojo: '#c0392b', rebasada: '#2b6cb0', sin_meta: '#718096' };
export const semTxt = (s: string | null | undefined): string => (s && s in SEM ? `${SEM[s as Semaforo].icon} ${SEM[s as Semaforo].txt}` : '— Sin información');
