/** Types, labels and colors shared by the ODES pages (map, ranking, council). */
// The components, their names and «¿Cómo se calcula?» notes, and the API's row: once, in the server's types.
import type { Componente, SemaforoOdes } from '$domains/odes/types';

export { COMPONENTES, COMPONENTE_COMO, COMPONENTE_NOMBRE, type Componente, type Componentes, type CumplimientoRow } from '$domains/odes/types';
export type Semaforo = SemaforoOdes;

export interface Proceso {
  proceso: string;
  nombre: string;
  tipo_consejos: string | null;
  consejos: number;
  ultimo_vencimiento: string | null;
}

export interface OdesConfig {
  pesos: Record<Componente, number>;
  horas_estrados: number;
  umbral_bajo_desempeno: number;
  umbral_verde: number;
  actualizado_en: string | null;
}

export const SEMAFORO: Record<Semaforo, { palabra: string; simbolo: string; css: string }> = {
  verde: { palabra: 'Verde', simbolo: '✓', css: 'var(--verde)' },
  amarillo: { palabra: 'Amarillo', simbolo: '!', css: 'var(--amarillo)' },
  rojo: { palabra: 'Rojo', simbolo: '✕', css: 'var(--rojo)' },
  sin_info: { palabra: 'Sin información', simbolo: '—', css: 'var(--sin-info)' },
};

export function semaforoDe(v: number | null | undefined, cfg: Pick<OdesConfig, 'umbral_bajo_desempeno' | 'umbral_verde'>): Semaforo {
  if (v === null || v === undefined) return 'sin_info';
  if (v < cfg.umbral_bajo_desempeno) return 'rojo';
  if (v < cfg.umbral_verde) return 'amarillo';
  return 'verde';
}

/** The value of a CSS variable (ECharts needs concrete colors). */
export function cssColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export const TENDENCIA: Record<'mejora' | 'empeora' | 'estable', { simbolo: string; palabra: string }> = {
  mejora: { simbolo: '↑', palabra: 'mejora' },
  empeora: { simbolo: '↓', palabra: 'empeora' },
  estable: { simbolo: '→', palabra: 'estable' },
};

/** M### ↔ CVEGEO 30###. */
export const cvegeoDe = (clave: string): string | null => (/^M\d{3}$/.test(clave) ? `30${clave.slice(1)}` : null);
export const claveDeCvegeo = (cvegeo: string): string | null => (/^30\d{3}$/.test(cvegeo) ? `M${cvegeo.slice(2)}` : null);

export const COMO_INDICE =
  'Para cada consejo y fecha de corte se calcula cada componente como porcentaje de lo que ya vencía (sin información cuando no había nada que medir, nunca 0 ni 100 por omisión). ' +
  'Índice = Σ pesoᵢ × componenteᵢ / Σ pesoᵢ sobre los componentes con datos; se informa cuántos componentes tuvieron datos. ' +
  'Verde: índice ≥ umbral verde; amarillo: entre el umbral de bajo desempeño y el verde; rojo (bajo desempeño): menor que el umbral.';
