import type { Semaforo } from '../metas/shared';
import { num, pct } from '$lib/format';

/** The shapes /api/evaluacion answers with, and the Spanish names of its states. */
export interface Ciclo {
  id: number; ejercicio: number; trimestre: number; fecha_limite: string; estado: 'abierto' | 'en_revision' | 'cerrado';
  abierto_por: string | null; abierto_en: string; cerrado_por: string | null; cerrado_en: string | null;
  areas?: number; areas_enviadas?: number; requieren?: number; sin_justificar?: number; por_revisar?: number; observadas?: number; aprobadas?: number;
}
export interface Justificacion { causa: string | null; accion_correctiva: string | null; fecha_compromiso: string | null; estado: 'borrador' | 'enviada' | 'aprobada' | 'observada'; comentario: string | null; actualizado_por: string | null; actualizado_en: string }
export interface Resultado {
  tipo: 'actividad' | 'indicador'; clave: string; area: string; descripcion: string; programado: number | null; realizado: number | null;
  avance_pct: number | null; semaforo: Semaforo | null; clasificacion: string | null; requiere_justificacion: boolean;
  justificacion: Justificacion | null;
  actual?: { programado: number | null; realizado: number | null; avance_pct: number | null; semaforo: Semaforo | null } | null;
}
export interface AvanceArea { area: string; resultados: number; requieren: number; sin_justificar: number; borrador: number; enviadas: number; aprobadas: number; observadas: number; enviado_en: string | null; estado: string }
export interface Detalle { ciclo: Ciclo; resultados: Resultado[]; avance: AvanceArea[] }

export const ESTADO_CICLO: Record<string, string> = { abierto: 'Abierto', en_revision: 'En revisión', cerrado: 'Cerrado' };
export const ESTADO_J: Record<string, string> = { borrador: '✎ Borrador', enviada: '→ Enviada', aprobada: '✓ Aprobada', observada: '! Observada' };
export const ESTADO_AREA: Record<string, string> = { pendiente: '… Pendiente', enviado: '→ Enviado', observado: '! Observado', aprobado: '✓ Aprobado', sin_pendientes: '— Sin resultados por justificar' };

/** The figure of a result as the UTP reads it: programmed, achieved and progress (or target and value). */
export const cifra = (r: Resultado): string => r.tipo === 'actividad'
  ? `Programado ${num(r.programado)} · Realizado ${num(r.realizado)} · Avance ${pct(r.avance_pct)}`
  : `Meta ${num(r.programado, 2)} · Valor ${num(r.realizado, 2)} · Avance ${pct(r.avance_pct)}`;
