import type { Pipeline } from '../../pipelines/runner/types.js';
import type { Usuario } from '../auth/users.js';
import type { Warehouse } from '../db/warehouse.js';

/**
 * A document a domain offers to scheduled reports (src/domains/reportes): its Resumen or a unit's page, as PDF or
 * XLSX, built by the domain's own functions for a period and for one user (an `area` user gets only its area).
 * Part of the domain framework: the subscriptions reach every document through the registry.
 */
export type FormatoReporte = 'pdf' | 'xlsx';

export interface PeticionReporte {
  formato: FormatoReporte;
  /** The period the document covers (aaaa-mm-dd, both included): the last week or the last calendar month. */
  desde: string;
  hasta: string;
  /** Who receives it: what they may see bounds what it holds. */
  usuario: Pick<Usuario, 'usuario' | 'rol' | 'area'>;
}

export interface DocumentoReporte {
  contenido: Buffer;
  /** The attachment's file name, e.g. resumen_2026-03-31.pdf. */
  nombre: string;
}

export interface ReporteDeclarado {
  /** Unique among every domain's reports: what a subscription stores. */
  id: string;
  /** Spanish, e.g. «Resumen de dirección». */
  titulo: string;
  formatos: readonly FormatoReporte[];
  generar: (ctx: { wh: Warehouse; pipelines: readonly Pipeline[] }, p: PeticionReporte) => Promise<DocumentoReporte>;
}
