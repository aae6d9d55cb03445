/**
 * Status page incidents (issue 13 item 6): the shapes the API returns and the Spanish names of their states.
 * Types and plain constants only: the dashboard imports this module ($domains/estado/types).
 */
export const ESTADOS_INCIDENTE = ['investigando', 'identificado', 'monitoreando', 'resuelto'] as const;
export type EstadoIncidente = (typeof ESTADOS_INCIDENTE)[number];

export const ESTADO_INCIDENTE_NOMBRE: Record<EstadoIncidente, string> = {
  investigando: 'Investigando', identificado: 'Causa identificada', monitoreando: 'En monitoreo', resuelto: 'Resuelto',
};

export const IMPACTOS = ['menor', 'mayor', 'critico'] as const;
export type Impacto = (typeof IMPACTOS)[number];

export const IMPACTO_NOMBRE: Record<Impacto, string> = { menor: 'Menor', mayor: 'Mayor', critico: 'Crítico' };

/** Days a resolved incident stays on the public page. */
export const DIAS_VISIBLE = 90;

export interface ActualizacionPublica {
  estado: EstadoIncidente;
  mensaje: string;
  fecha: string;
}

/** An incident as /api/publico/incidentes shows it: nothing about who wrote it. */
export interface IncidentePublico {
  id: number;
  titulo: string;
  impacto: Impacto;
  estado: EstadoIncidente;
  servicios: string[];
  inicio: string;
  resuelto_en: string | null;
  actualizaciones: ActualizacionPublica[];
}

export interface Actualizacion extends ActualizacionPublica {
  id: number;
  usuario: string;
}

/** An incident as UTSI manages it (GET /api/estado/incidentes). */
export interface Incidente extends Omit<IncidentePublico, 'actualizaciones'> {
  creado_por: string;
  actualizado_en: string;
  /** Whether /estado shows it now (open, or resolved less than DIAS_VISIBLE days ago). */
  publicado: boolean;
  actualizaciones: Actualizacion[];
}
