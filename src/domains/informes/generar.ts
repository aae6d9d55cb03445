import { addDays } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import type { MesInforme, SeccionInforme } from '../informe.js';
import { MESES_NOMBRE, type InformeMensual, type SeccionGenerada } from './types.js';

/** The calendar month `mes` of `anio`: its first and last days. */
export function mesInforme(anio: number, mes: number): MesInforme {
  const desde = `${anio}-${String(mes).padStart(2, '0')}-01`;
  const siguiente = mes === 12 ? `${anio + 1}-01-01` : `${anio}-${String(mes + 1).padStart(2, '0')}-01`;
  return { anio, mes, desde, hasta: addDays(siguiente, -1) };
}

/** The month before the one of `hoy` (aaaa-mm-dd): what the scheduled Informe covers. */
export function mesAnterior(hoy: string): { anio: number; mes: number } {
  const anio = Number(hoy.slice(0, 4));
  const mes = Number(hoy.slice(5, 7));
  return mes === 1 ? { anio: anio - 1, mes: 12 } : { anio, mes: mes - 1 };
}

export const tituloInforme = (anio: number, mes: number): string =>
  `Informe mensual de la Secretaría Ejecutiva — ${MESES_NOMBRE[mes - 1]} de ${anio}`;

/**
 * Every section's figures for the month, in their order, each from its domain's own functions. A section that
 * fails says so and the document stays whole.
 */
export async function informeMensual(wh: Warehouse, secciones: readonly SeccionInforme[], anio: number, mes: number, ahora = new Date()): Promise<InformeMensual> {
  const m = mesInforme(anio, mes);
  const out: SeccionGenerada[] = [];
  for (const s of [...secciones].sort((a, b) => a.orden - b.orden)) {
    try {
      out.push({ id: s.id, titulo: s.titulo, ...(await s.datos(wh, m)), error: false });
    } catch (e) {
      console.error(`[informe mensual] ${s.id}:`, e);
      out.push({ id: s.id, titulo: s.titulo, cifras: [], tablas: [], nota: 'No se pudieron calcular las cifras de esta sección.', error: true });
    }
  }
  return { ...m, titulo: tituloInforme(anio, mes), generado_en: ahora.toISOString(), secciones: out };
}
