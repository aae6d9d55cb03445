/**
 * What GET /api/resumen answers: one card per KPI of every domain, with its target and semáforo, change, sparkline
 * and the freshness of its data. Types and plain constants only (the dashboard imports them as $domains/resumen/types).
 */
import type { Rango } from '../../core/time.js';

export type { Rango };

export const PERIODOS = { mes: 30, trimestre: 90, anio: 365 } as const;
export type Periodo = keyof typeof PERIODOS;
export const PERIODO_NOMBRE: Record<Periodo, string> = { mes: 'últimos 30 días', trimestre: 'últimos 90 días', anio: 'últimos 365 días' };

export type SemaforoTarjeta = 'verde' | 'amarillo' | 'rojo' | 'sin_datos';
export type Formato = 'pct' | 'numero' | 'horas';

/** Target of a card: verde from `verde`, amarillo from `amarillo` (descendente: at most those values). */
export interface Meta {
  verde: number;
  amarillo: number;
  sentido: 'ascendente' | 'descendente';
}

export interface Frescura {
  pipeline: string;
  registrado: boolean;
  ultimo_exito: string | null;
  limite_horas: number | null;
  /** The last success is older than the pipeline's freshnessHours (or it never succeeded). */
  desactualizado: boolean;
}

export interface Secundario {
  etiqueta: string;
  valor: number | null;
  formato: Formato;
}

export interface Tarjeta {
  id: string;
  titulo: string;
  unidad: string;
  /** 'sin_datos' when the domain's tables are missing or hold nothing for the period. */
  estado: 'ok' | 'sin_datos';
  etiqueta: string;
  valor: number | null;
  formato: Formato;
  meta: Meta;
  semaforo: SemaforoTarjeta;
  anterior: number | null;
  cambio: number | null;
  secundarios: Secundario[];
  serie: Array<{ hasta: string; valor: number | null }>;
  frescura: Frescura;
  enlace: string;
  como: string;
  nota: string | null;
}

export interface ResumenGeneral {
  periodo: Periodo;
  periodo_nombre: string;
  actual: Rango;
  anterior: Rango;
  tarjetas: Tarjeta[];
}

/** The current window ending on `hasta`, the one before it, and the sparkline buckets (oldest first). */
export interface Ventanas {
  actual: Rango;
  anterior: Rango;
  buckets: Rango[];
}

/** What a domain's card computes: its figures (the Resumen adds target, semáforo, change and freshness). */
export interface FigurasTarjeta {
  estado: 'ok' | 'sin_datos';
  etiqueta: string;
  formato: Formato;
  enlace: string;
  como: string;
  nota: string | null;
  valor?: number | null;
  anterior?: number | null;
  secundarios?: Secundario[];
  serie?: Array<{ hasta: string; valor: number | null }>;
}
