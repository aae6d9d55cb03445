/**
 * What /api/metas/…, /api/indicadores and /api/evaluacion/… answer (DESIGN.md §3 Avance, Semáforo, POA
 * classification, evaluation cycle; §6), the enums and their Spanish labels. Types and plain constants only: the
 * dashboard imports this module as $domains/metas/types.
 */
export { MESES } from '../../core/time.js';

export const SEMAFOROS = ['verde', 'amarillo', 'rojo', 'rebasada', 'sin_meta'] as const;
export type Semaforo = (typeof SEMAFOROS)[number];
export const CLASIFICACIONES = ['no_cumplida', 'parcialmente_cumplida', 'cumplida', 'rebasada'] as const;
export type Clasificacion = (typeof CLASIFICACIONES)[number];

export const SEMAFORO_NOMBRE: Record<Semaforo, string> = {
  verde: 'Verde', amarillo: 'Amarillo', rojo: 'Rojo', rebasada: 'Rebasada', sin_meta: 'Sin meta',
};
export const SEMAFORO_ICONO: Record<Semaforo, string> = { verde: '✓', amarillo: '!', rojo: '✕', rebasada: '▲', sin_meta: '—' };
export const CLASIFICACION_NOMBRE: Record<Clasificacion, string> = {
  no_cumplida: 'Meta no cumplida',
  parcialmente_cumplida: 'Meta parcialmente cumplida',
  cumplida: 'Meta cumplida — sin variación',
  rebasada: 'Meta rebasada',
};

export const ESTADOS_CICLO = ['abierto', 'en_revision', 'cerrado'] as const;
export type EstadoCiclo = (typeof ESTADOS_CICLO)[number];
export const ESTADOS_JUSTIFICACION = ['borrador', 'enviada', 'aprobada', 'observada'] as const;
export type EstadoJustificacion = (typeof ESTADOS_JUSTIFICACION)[number];
export const REQUIEREN_JUSTIFICACION: readonly Semaforo[] = ['amarillo', 'rojo'];

export interface Ciclo {
  id: number;
  ejercicio: number;
  trimestre: number;
  fecha_limite: string;
  estado: EstadoCiclo;
  abierto_por: string | null;
  abierto_en: string;
  cerrado_por: string | null;
  cerrado_en: string | null;
}

export interface Justificacion {
  causa: string | null;
  accion_correctiva: string | null;
  fecha_compromiso: string | null;
  estado: EstadoJustificacion;
  comentario: string | null;
  actualizado_por: string | null;
  actualizado_en: string;
}

export interface Resultado {
  tipo: 'actividad' | 'indicador';
  clave: string;
  area: string;
  programa: string | null;
  programa_especifico: string | null;
  descripcion: string;
  programado: number | null;
  realizado: number | null;
  avance_pct: number | null;
  semaforo: Semaforo | null;
  clasificacion: string | null;
  requiere_justificacion: boolean;
  justificacion: Justificacion | null;
  /** Closed cycles: the figure today, when it differs from the frozen one. */
  actual?: { programado: number | null; realizado: number | null; avance_pct: number | null; semaforo: Semaforo | null } | null;
}

export interface AvanceArea {
  area: string;
  resultados: number;
  requieren: number;
  sin_justificar: number;
  borrador: number;
  enviadas: number;
  aprobadas: number;
  observadas: number;
  enviado_en: string | null;
  estado: 'pendiente' | 'enviado' | 'observado' | 'aprobado' | 'sin_pendientes';
}

export const ESTADO_CICLO_NOMBRE: Record<EstadoCiclo, string> = { abierto: 'Abierto', en_revision: 'En revisión', cerrado: 'Cerrado' };
export const ESTADO_JUSTIFICACION_NOMBRE: Record<EstadoJustificacion, string> = { borrador: 'Borrador', enviada: 'Enviada', aprobada: 'Aprobada', observada: 'Observada' };

/** Columns GET /api/metas/actividades sorts by (`orden`). */
export const ACTIVIDADES_ORDEN = [
  'programa', 'programa_especifico', 'area', 'num_actividad', 'descripcion', 'unidad_medida', 'estatus', 'programado', 'realizado',
  'avance_pct', 'semaforo', 'clasificacion', 'reportes_tardios', 'meses_sin_reporte', 'ultimo_reporte',
] as const;

export interface Actividad {
  ejercicio: number;
  programa: string;
  programa_nombre: string | null;
  programa_especifico: string;
  programa_especifico_nombre: string | null;
  area: string;
  num_actividad: number;
  descripcion: string | null;
  unidad_medida: string | null;
  cantidad_anual: number | null;
  estatus: string | null;
  programado: number;
  realizado: number;
  avance_pct: number | null;
  semaforo: Semaforo;
  clasificacion: Clasificacion | null;
  programado_mensual: number[];
  realizado_mensual: Array<number | null>;
  reportes_tardios: number;
  meses_sin_reporte: number;
  ultimo_reporte: string | null;
}

export interface Conteos {
  verde: number;
  amarillo: number;
  rojo: number;
  rebasada: number;
  sin_meta: number;
  avance_pct: number | null;
  reportes_tardios: number;
  meses_sin_reporte: number;
}

export interface ResumenMetas extends Conteos {
  ejercicio: number;
  trimestre: number;
  actividades: number;
  por_area: Array<Conteos & { area: string }>;
  por_programa: Array<Conteos & { programa: string; nombre: string | null }>;
  por_programa_especifico: Array<Conteos & { programa_especifico: string; nombre: string | null }>;
  actualizado: string | null;
}

export interface MedicionIndicador {
  clave: string;
  periodo: string;
  mes_fin: number | null;
  valor: number | null;
  meta_periodo: number | null;
  avance_pct: number | null;
  semaforo: Semaforo | null;
  numerador: number | null;
  denominador: number | null;
  ejercicio: number;
  nombre: string;
  nivel: string | null;
  dimension: string | null;
  metodo_calculo: string | null;
  unidad_medida: string | null;
  frecuencia: string | null;
  linea_base: number | null;
  meta: number | null;
  sentido: string | null;
  area: string | null;
  umbral_verde: number;
  umbral_amarillo: number;
}

export interface CicloResumen extends Ciclo {
  areas: number;
  areas_enviadas: number;
  requieren: number;
  sin_justificar: number;
  por_revisar: number;
  observadas: number;
  aprobadas: number;
}

/** GET /api/evaluacion/ciclos/{id} */
export interface DetalleCiclo {
  ciclo: Ciclo;
  resultados: Resultado[];
  avance: AvanceArea[];
}

export interface Conteo {
  verde: number;
  amarillo: number;
  rojo: number;
  rebasada: number;
  sin_meta: number;
  total: number;
}
export interface ReporteCiclo {
  ciclo: Ciclo;
  anterior: { ejercicio: number; trimestre: number };
  generado_en: string;
  totales: Conteo & { anterior: Conteo };
  por_area: Array<Conteo & { area: string; anterior: Conteo }>;
  observados: Array<Resultado & { semaforo_anterior: Semaforo | null }>;
}


/** How the semáforo of a goal is decided (the «¿Cómo se calcula?» note). */
export const COMO_SEMAFORO =
  'Avance = 100 × realizado / programado, acumulado de enero al cierre del trimestre. Verde: 90 % a 130 %; amarillo: 70 % a menos de 90 %; rojo: menos de 70 %; rebasada: más de 130 % (o algo realizado sin nada programado); sin meta: nada programado ni realizado. Los indicadores pueden tener umbrales propios.';
