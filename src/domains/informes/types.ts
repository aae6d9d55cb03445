/**
 * The Informe mensual de la Secretaría Ejecutiva (issue 13 item 5): the shapes the API returns. Types and plain
 * constants only: the dashboard imports this module ($domains/informes/types).
 */
export const MESES_NOMBRE = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;

export type FormatoCifra = 'numero' | 'porcentaje' | 'horas' | 'dias' | 'minutos';

/** A section of the document: a unit's figures for the month (or the reason it has none). */
export interface SeccionGenerada {
  id: string;
  titulo: string;
  cifras: Array<{ etiqueta: string; valor: number | null; formato: FormatoCifra }>;
  tablas: Array<{ titulo: string; columnas: string[]; filas: Array<Array<string | number | null>> }>;
  nota: string;
  /** The section could not be computed (its error is in the server's log); the rest of the document is whole. */
  error: boolean;
}

/** The figures of one month's Informe (GET /api/informes/vista, and what each archived PDF printed). */
export interface InformeMensual {
  anio: number;
  mes: number;
  desde: string;
  hasta: string;
  titulo: string;
  generado_en: string;
  secciones: SeccionGenerada[];
}

/** An archived Informe (GET /api/informes). */
export interface InformeArchivado {
  id: number;
  anio: number;
  mes: number;
  titulo: string;
  generado_en: string;
  generado_por: string;
  origen: 'manual' | 'programado';
  bytes: number;
}
