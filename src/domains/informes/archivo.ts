import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HttpError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { audit } from '../../audit/log.js';
import { tituloInforme } from './generar.js';
import type { InformeArchivado, InformeMensual } from './types.js';

/**
 * The archive of the Informe mensual: each PDF under <ATALAYA_DATA_DIR>/informes/ (folder 0700, files 0600, like
 * the rest of the data folder: src/core/private-files.ts), one row per file in app.informes_mensuales.
 */
export const carpetaInformes = (dataDir: string): string => path.join(dataDir, 'informes');

const INSERT = `
  INSERT INTO app.informes_mensuales (anio, mes, generado_en, generado_por, origen, archivo, bytes, sha256, datos)
  VALUES ($anio, $mes, $generado_en::TIMESTAMPTZ, $usuario, $origen, $archivo, $bytes, $sha256, $datos) RETURNING id`;

const LISTA = `SELECT id, anio, mes, generado_en, generado_por, origen, bytes FROM app.informes_mensuales ORDER BY anio DESC, mes DESC, generado_en DESC, id DESC`;

/** Writes the PDF privately, then records it (and audits it) in one transaction; a failed record removes the file. */
export async function archivar(wh: Warehouse, dataDir: string, r: InformeMensual, pdf: Buffer, usuario: string, origen: 'manual' | 'programado'): Promise<number> {
  const dir = carpetaInformes(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const nombre = `informe_mensual_${r.anio}_${String(r.mes).padStart(2, '0')}_${r.generado_en.replace(/[:.]/g, '-')}.pdf`;
  const file = path.join(dir, nombre);
  // Written aside and renamed: a crash leaves no half file under the archive's name.
  fs.writeFileSync(`${file}.tmp`, pdf, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  try {
    return await wh.transaction(async (c) => {
      const [row] = await rowsOf<{ id: number }>(c, INSERT, {
        anio: r.anio, mes: r.mes, generado_en: r.generado_en, usuario, origen, archivo: nombre, bytes: pdf.length,
        sha256: crypto.createHash('sha256').update(pdf).digest('hex'), datos: JSON.stringify(r),
      });
      await audit(c, usuario, 'informe_mensual.generar', `informe ${r.anio}-${String(r.mes).padStart(2, '0')}`, null, { id: row!.id, origen, bytes: pdf.length });
      return row!.id;
    });
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
}

export async function listarInformes(wh: Warehouse): Promise<InformeArchivado[]> {
  return (await wh.all<Omit<InformeArchivado, 'titulo'>>(LISTA)).map((x) => ({ ...x, titulo: tituloInforme(x.anio, x.mes) }));
}

/** Whether the month already has an archived Informe (the scheduler makes one only once). */
export async function hayInforme(wh: Warehouse, anio: number, mes: number): Promise<boolean> {
  return !!(await wh.one('SELECT 1 FROM app.informes_mensuales WHERE anio = $anio AND mes = $mes LIMIT 1', { anio, mes }));
}

/** An archived PDF and its download name; 404 when the row or its file is missing. */
export async function leerInforme(wh: Warehouse, dataDir: string, id: number): Promise<{ pdf: Buffer; nombre: string }> {
  const row = await wh.one<{ anio: number; mes: number; archivo: string }>('SELECT anio, mes, archivo FROM app.informes_mensuales WHERE id = $id', { id });
  if (!row) throw new HttpError(404, `No existe el informe ${id}.`);
  const file = path.join(carpetaInformes(dataDir), path.basename(row.archivo));
  if (!fs.existsSync(file)) throw new HttpError(404, `El archivo del informe ${id} ya no está en la carpeta de datos.`);
  return { pdf: fs.readFileSync(file), nombre: `informe_mensual_${row.anio}_${String(row.mes).padStart(2, '0')}.pdf` };
}

/** The figures an archived Informe printed. */
export async function datosInforme(wh: Warehouse, id: number): Promise<InformeMensual> {
  const row = await wh.one<{ datos: string }>('SELECT datos FROM app.informes_mensuales WHERE id = $id', { id });
  if (!row) throw new HttpError(404, `No existe el informe ${id}.`);
  return JSON.parse(row.datos) as InformeMensual;
}
