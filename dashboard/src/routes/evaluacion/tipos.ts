import type { AvanceArea, Ciclo as CicloBase, CicloResumen, DetalleCiclo, EstadoJustificacion, Resultado } from '$domains/metas/types';
import { num, pct } from '$lib/format';

export { ESTADO_CICLO_NOMBRE as ESTADO_CICLO, type Resultado } from '$domains/metas/types';

/** A cycle as the list (with its counts) or a creation (without them) answers it. */
export type Ciclo = CicloBase & Partial<Omit<CicloResumen, keyof CicloBase>>;
export type Detalle = DetalleCiclo;

/** The states with the icon the page shows beside them (colour is never the only cue). */
export const ESTADO_J: Record<EstadoJustificacion, string> = { borrador: '✎ Borrador', enviada: '→ Enviada', aprobada: '✓ Aprobada', observada: '! Observada' };
export const ESTADO_AREA: Record<AvanceArea['estado'], string> = { pendiente: '… Pendiente', enviado: '→ Enviado', observado: '! Observado', aprobado: '✓ Aprobado', sin_pendientes: '— Sin resultados por justificar' };

/** The figure of a result as the UTP reads it: programmed, achieved and progress (or target and value). */
export const cifra = (r: Resultado): string => r.tipo === 'actividad'
  ? `Programado ${num(r.programado)} · Realizado ${num(r.realizado)} · Avance ${pct(r.avance_pct)}`
  : `Meta ${num(r.programado, 2)} · Valor ${num(r.realizado, 2)} · Avance ${pct(r.avance_pct)}`;
