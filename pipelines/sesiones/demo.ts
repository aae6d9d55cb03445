import path from 'node:path';
import { DAY, demoYear, fmtDateMx, fmtDateTimeMx, fmtIsoLocal, HOUR, mxMidnight, writeCsv, writeXlsx, type Cell } from '../../src/demo/files.js';
import type { Rng } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';

export const SESION_HEADER = [
  'organo', 'numero', 'tipo', 'fecha_convocatoria', 'fecha_inicio', 'fecha_fin', 'quorum', 'puntos', 'acta_aprobada_en',
] as const;
export const ACUERDO_HEADER = [
  'clave', 'organo', 'sesion_numero', 'fecha_aprobacion', 'rubro', 'votacion', 'votos_favor', 'votos_contra', 'fecha_publicacion',
] as const;

/** Organs with their sessions per month and the prefix of their acuerdos (commissions issue none of their own). */
const ORGANOS: ReadonlyArray<{ organo: string; porMes: number; prefijo: string | null; votantes: number }> = [
  { organo: 'CG', porMes: 3.2, prefijo: 'CG', votantes: 7 },
  { organo: 'JGE', porMes: 1.8, prefijo: 'JGE', votantes: 7 },
  { organo: 'Comisión de Prerrogativas y Partidos Políticos', porMes: 1.1, prefijo: null, votantes: 3 },
  { organo: 'Comisión de Capacitación y Organización Electoral', porMes: 1.2, prefijo: null, votantes: 3 },
  { organo: 'Comisión de Quejas y Denuncias', porMes: 0.9, prefijo: null, votantes: 3 },
  { organo: 'Comisión de Administración', porMes: 0.7, prefijo: null, votantes: 3 },
];

const RUBROS = [
  'Por el que se aprueba el calendario del proceso electoral local ordinario',
  'Por el que se aprueba la distribución del financiamiento público a los partidos políticos',
  'Por el que se designa a las personas integrantes de los consejos municipales',
  'Por el que se aprueban los lineamientos para el registro de candidaturas',
  'Por el que se da respuesta a la consulta formulada por un partido político',
  'Por el que se aprueba la modificación al Programa Operativo Anual',
  'Por el que se aprueba el informe trimestral de actividades de la Secretaría Ejecutiva',
  'Por el que se aprueban los topes de gastos de campaña',
  'Por el que se aprueba la sustitución de consejerías en órganos desconcentrados',
  'Por el que se aprueba el modelo de boleta electoral',
  'Por el que se emite la declaratoria de validez de la elección',
  'Por el que se aprueba el presupuesto de egresos del organismo',
  'Por el que se resuelve el procedimiento sancionador ordinario',
] as const;

/** Hours of notice a convocatoria usually gives by type; late ones fall below the minimum. */
function noticeHours(r: Rng, tipo: string): number {
  switch (tipo) {
    case 'ordinaria': return r.chance(0.1) ? r.int(30, 70) : r.int(73, 120);
    case 'extraordinaria': return r.chance(0.12) ? r.int(6, 23) : r.int(25, 60);
    case 'solemne': return r.int(26, 80);
    case 'urgente': return r.int(1, 8);
    default: return r.int(2, 24);
  }
}

/** A year of sessions and acuerdos ending on ctx.today; a few rows deliberately bad. */
export function sesionesData(ctx: Pick<DemoContext, 'seed' | 'scale' | 'today'>): { sesiones: Cell[][]; acuerdos: Cell[][] } {
  const { r, start, end } = demoYear(ctx, 'sesiones', 16, 0);
  const sesiones: Cell[][] = [];
  const acuerdos: Cell[][] = [];
  const year = (t: number): number => new Date(t - 6 * HOUR).getUTCFullYear();
  const acuerdoSeq = new Map<string, number>();
  for (const o of ORGANOS) {
    const count = Math.max(4, Math.round(o.porMes * 12 * ctx.scale));
    // Sessions of this organ, in order; numero restarts every calendar year.
    const starts: number[] = [];
    for (let i = 0; i < count; i++) {
      const day = start + ((end - start) * (i + r.next() * 0.8)) / count;
      const mid = mxMidnight(new Date(day - 6 * HOUR).toISOString().slice(0, 10)).getTime();
      starts.push(mid + r.pick([10, 11, 12, 13, 17, 18]) * HOUR + r.pick([0, 0, 30]) * 60_000);
    }
    starts.sort((a, b) => a - b);
    const held: Array<{ numero: number; anio: number; row: Cell[] }> = [];
    const numero = new Map<number, number>();
    for (const [i, inicio] of starts.entries()) {
      if (inicio > end) continue;
      const anio = year(inicio);
      const n = (numero.get(anio) ?? 0) + 1;
      numero.set(anio, n);
      const tipo = i === 0 && o.organo === 'CG' ? 'solemne'
        : r.weighted([['ordinaria', 5], ['extraordinaria', 6], ['urgente', 1], ['permanente', o.organo === 'CG' ? 0.3 : 0], ['solemne', o.organo === 'CG' ? 0.4 : 0]] as const);
      const convocatoria = inicio - noticeHours(r, tipo) * HOUR;
      const quorum = !r.chance(0.03);
      const dur = tipo === 'permanente' ? r.int(10, 30) : quorum ? 0.5 + r.expo(1.8) : 0.25;
      const puntos = quorum ? r.int(3, 14) : 0;
      const fmt = i % 3 === 0 ? fmtIsoLocal : fmtDateTimeMx;
      const row: Cell[] = [o.organo, n, tipo, fmt(new Date(convocatoria)), fmt(new Date(inicio)), fmt(new Date(inicio + dur * HOUR)), quorum ? 'si' : 'no', puntos, ''];
      sesiones.push(row);
      // Minutes are approved at a later ordinaria of the same year (the last sessions stay pending).
      for (const h of held) {
        if (h.row[8] === '' && tipo === 'ordinaria' && quorum && h.anio === anio && r.chance(0.9)) h.row[8] = n;
      }
      if (quorum) held.push({ numero: n, anio, row });
      if (o.prefijo && quorum && tipo !== 'solemne') {
        const k = Math.min(puntos - 2, r.int(1, 6));
        for (let j = 0; j < k; j++) {
          const key = `${o.prefijo}-${anio}`;
          const seq = (acuerdoSeq.get(key) ?? 0) + 1;
          acuerdoSeq.set(key, seq);
          const aprob = inicio + (0.3 + j * 0.2) * HOUR;
          const unanime = r.chance(0.82);
          const contra = unanime ? 0 : r.int(1, 3);
          const pubDays = r.chance(0.1) ? r.int(8, 25) : Math.round(r.expo(2.5));
          const pub = aprob + pubDays * DAY;
          acuerdos.push([
            `OPLEV/${o.prefijo}${String(seq).padStart(3, '0')}/${anio}`, o.organo, n, fmtDateTimeMx(new Date(aprob)), r.pick(RUBROS),
            unanime ? 'unanimidad' : 'mayoria', o.votantes - contra, contra, pub <= end ? fmtDateMx(new Date(pub)) : '',
          ]);
        }
      }
    }
  }
  return { sesiones, acuerdos };
}

export function badSesionRows(): Cell[][] {
  return [
    ['CG', 'x12', 'ordinaria', '01/03/2026 10:00', '04/03/2026 11:00', '04/03/2026 13:00', 'si', 8, ''],
    ['JGE', 40, 'privada', '02/03/2026 10:00', '03/03/2026 11:00', '03/03/2026 12:00', 'si', 5, ''],
    ['CG', 41, 'extraordinaria', '05/03/2026 10:00', '', '', 'si', 4, ''],
  ];
}

export function badAcuerdoRows(): Cell[][] {
  return [
    ['OPLEV/CG999/2026', 'CG', 41, '31/04/2026 12:00', 'Por el que se aprueba el modelo de boleta electoral', 'unanimidad', 7, 0, ''],
    ['OPLEV/CG998/2026', 'CG', 41, '05/03/2026 12:00', 'Por el que se aprueban los topes de gastos de campaña', 'consenso', 7, 0, '06/03/2026'],
  ];
}

export async function generateSesiones(ctx: DemoContext): Promise<void> {
  const { sesiones, acuerdos } = sesionesData(ctx);
  const dir = ctx.inbox('sesiones');
  writeCsv(path.join(dir, 'sesiones_uts.csv'), SESION_HEADER, [...sesiones, ...badSesionRows()], { encoding: 'utf-8-bom' });
  await writeXlsx(path.join(dir, 'acuerdos_uts.xlsx'), [
    { name: 'acuerdos', titles: ['OPLE Veracruz — Unidad Técnica del Secretariado', 'Relación de acuerdos aprobados'], header: ACUERDO_HEADER, rows: [...acuerdos, ...badAcuerdoRows()] },
  ]);
}
