/**
 * What /api/disponibilidad/… and /api/publico/estado answer (DESIGN.md §3 Uptime, §6), and the Spanish words of
 * each state. Types and plain constants only: the dashboard imports this module as $domains/disponibilidad/types.
 */
import type { Servicio } from '../../core/uptime.js';

export type { Servicio };

export const ESTADOS_SERVICIO = ['arriba', 'abajo', 'mantenimiento', 'sin_datos'] as const;
export type EstadoServicio = (typeof ESTADOS_SERVICIO)[number];
/** Each state's word and symbol (never color alone, DESIGN.md §3b). */
export const ESTADO_SERVICIO_NOMBRE: Record<EstadoServicio, { palabra: string; simbolo: string }> = {
  arriba: { palabra: 'Operando', simbolo: '✓' },
  abajo: { palabra: 'Caído', simbolo: '✕' },
  mantenimiento: { palabra: 'En mantenimiento', simbolo: '!' },
  sin_datos: { palabra: 'Sin datos', simbolo: '—' },
};

/** GET /api/disponibilidad/servicios */
export interface ServicioEstado {
  id: string;
  nombre: string;
  criticidad: string;
  publico: boolean;
  estado: EstadoServicio;
  uptime_24h: number | null;
  uptime_7d: number | null;
  uptime_30d: number | null;
  uptime_90d: number | null;
  uptime_365d: number | null;
  latencia_p50_ms: number | null;
  latencia_p95_ms: number | null;
  ultima_verificacion: string | null;
  /** HTTPS services: when the TLS certificate seen last expires (null: not HTTPS, or not read yet). */
  certificado_vence: string | null;
}

/** GET /api/disponibilidad/servicios/{id}/caidas */
export interface Caida {
  inicio: string;
  fin: string | null;
  duracion_min: number;
  en_curso: boolean;
  fallos: number;
  error: string | null;
}

/** GET /api/disponibilidad/servicios/{id}/diario */
export interface Dia {
  dia: string;
  total: number;
  ok: number;
  mantenimiento: number;
  uptime: number | null;
}

/** GET /api/disponibilidad/servicios/{id}/latencia */
export interface PuntoLatencia {
  inicio: string;
  promedio_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
}

/** GET /api/disponibilidad/servicios/{id}/verificaciones */
export interface Verificacion {
  ts: string;
  ok: boolean;
  latencia_ms: number | null;
  codigo: number | null;
  error: string | null;
  retraso_ms: number | null;
}

/** GET /api/disponibilidad/mantenimientos */
export interface Mantenimiento {
  id: number;
  servicio_id: string;
  inicio: string;
  fin: string;
  motivo: string | null;
}

/** GET /api/publico/estado: only public services, no destinations or errors. */
export interface EstadoPublico {
  actualizado: string;
  servicios: Array<{
    nombre: string;
    estado: EstadoServicio;
    uptime_90d: number | null;
    dias: Array<{ dia: string; uptime: number | null; hubo_mantenimiento: boolean }>;
  }>;
}
