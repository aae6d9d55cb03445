import path from 'node:path';
import { addDays } from '../../src/core/time.js';
import { writeCsv, writeXlsx, type Cell } from '../../src/demo/files.js';
import { rng, seedFor, type Rng } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';
import { MOTIVOS_CAMBIO, SUBPROCESOS, ZONAS, type Plantilla } from './plantillas.js';

export const HEADERS = {
  calendario_actividades: ['proceso', 'id_actividad', 'actividad', 'area', 'subproceso', 'fecha_inicio', 'fecha_fin',
    'fecha_inicio_real', 'fecha_fin_real', 'estatus', 'depende_de'],
  calendario_cambios: ['proceso', 'id_actividad', 'acuerdo', 'fecha_acuerdo', 'fecha_inicio_anterior', 'fecha_fin_anterior',
    'fecha_inicio_nueva', 'fecha_fin_nueva', 'motivo'],
} as const;

/** One process of the demo calendar (ISO dates). */
export interface ProcesoCalendarioDemo {
  proceso: string;
  inicio: string;
  jornada: string;
  fin: string;
  consejos: string;
  cargos: string;
  /** Activities whose dates an acuerdo changed: every `cadaCambio`-th, starting at the 7th. */
  cadaCambio: number;
  /** Cancelled activities: every `cadaCancelada`-th, starting half-way through the first stretch. */
  cadaCancelada: number;
  /** Share of activities never concluded although their end passed (none in a concluded process). */
  estancadas: number;
}

const DAY_MS = 86_400_000;
const days = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);

/** The first Sunday on or after an ISO date (election days are Sundays). */
function domingo(iso: string): string {
  const dow = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return addDays(iso, (7 - dow) % 7);
}

/**
 * The two processes: PELO_2024_2025 (ayuntamientos; concluded, on its real dates) and PELO_2026_2027 (diputaciones;
 * under way: its timeline is laid around `today`, about half-way to its jornada, so every state shows today).
 */
export function procesosCalendario(today: string): ProcesoCalendarioDemo[] {
  const jornada = domingo(addDays(today, 190));
  return [
    { proceso: 'PELO_2024_2025', inicio: '2024-08-01', jornada: '2025-06-01', fin: '2025-08-29', consejos: 'consejos municipales',
      cargos: 'ediles de los ayuntamientos', cadaCambio: 50, cadaCancelada: 150, estancadas: 0 },
    { proceso: 'PELO_2026_2027', inicio: addDays(today, -200), jornada, fin: addDays(jornada, 90), consejos: 'consejos distritales',
      cargos: 'diputaciones locales', cadaCambio: 18, cadaCancelada: 97, estancadas: 0.07 },
  ];
}

/** The date at a point of the timeline: 0..1 from the start to the jornada, 1..2 from the jornada to the end. */
function fechaEn(p: ProcesoCalendarioDemo, x: number): string {
  return x <= 1 ? addDays(p.inicio, Math.round(x * days(p.inicio, p.jornada))) : addDays(p.jornada, Math.round((x - 1) * days(p.jornada, p.fin)));
}

function variantes(t: Plantilla): string[] {
  if (t.por === 'zona') return ZONAS.map((z) => ` — región ${z}`);
  const n = t.n ?? 1;
  if (n === 1) return [''];
  return Array.from({ length: n }, (_, i) => (t.por === 'corte' ? ` (corte ${i + 1})` : ` (${i + 1}.ª etapa)`));
}

export interface Actividad {
  id: string;
  actividad: string;
  area: string;
  subproceso: string;
  inicio: string;
  fin: string;
  inicioReal: string | null;
  finReal: string | null;
  estatus: 'vigente' | 'cancelada';
  dependeDe: string | null;
}

/** The calendar as programmed now: each template's variants spread over its subproceso's window, one after another. */
function programar(p: ProcesoCalendarioDemo, r: Rng): Actividad[] {
  const out: Actividad[] = [];
  SUBPROCESOS.forEach((sp, i) => {
    const desde = fechaEn(p, sp.ventana[0]);
    const hasta = fechaEn(p, sp.ventana[1]);
    let previo: string | null = null;
    sp.plantillas.forEach((t, j) => {
      const vs = variantes(t);
      // Each variant takes its own stretch of the window (a stage, a region's turn, a report's period).
      const tramo = Math.max(1, Math.floor(days(desde, hasta) / vs.length));
      const depende = previo !== null && r.chance(0.3) ? previo : null;
      vs.forEach((sufijo, v) => {
        const dur = r.int(t.dias[0], t.dias[1]);
        const base = addDays(desde, v * tramo);
        const inicio = addDays(base, r.int(0, Math.max(0, tramo - dur)));
        const fin = min(addDays(inicio, dur - 1), hasta < inicio ? inicio : hasta);
        out.push({
          id: `${i + 1}.${j + 1}.${v + 1}`,
          actividad: t.texto.replace('{consejos}', p.consejos).replace('{cargos}', p.cargos) + sufijo,
          area: t.areas[v % t.areas.length]!,
          subproceso: sp.nombre,
          inicio, fin, inicioReal: null, finReal: null, estatus: 'vigente', dependeDe: v === 0 ? depende : null,
        });
      });
      previo = `${i + 1}.${j + 1}.${vs.length}`;
    });
  });
  return out;
}

/**
 * What the areas reported by `today`: most start on time or a day or two off and end on time; some end late, a
 * few (in a process under way) stall. Nothing after `today` has happened yet.
 */
function realizar(p: ProcesoCalendarioDemo, a: Actividad, today: string, r: Rng): void {
  const dur = days(a.inicio, a.fin);
  const tarde = r.chance(0.16);
  const estancada = r.chance(p.estancadas);
  let inicioReal = addDays(a.inicio, r.weighted([[0, 6], [r.int(-2, -1), 1], [r.int(1, 3), 2]] as const));
  let finReal: string | null = tarde ? addDays(a.fin, r.int(1, 25)) : addDays(a.fin, -r.int(0, Math.min(3, dur)));
  if (finReal < inicioReal) finReal = inicioReal;
  if (estancada) finReal = null;
  if (r.chance(0.08)) inicioReal = '';
  a.inicioReal = inicioReal && inicioReal <= today ? inicioReal : null;
  a.finReal = finReal && finReal <= today ? finReal : null;
}

export interface Cambio {
  id: string;
  acuerdo: string;
  fecha: string;
  inicioAnterior: string;
  finAnterior: string;
  inicioNueva: string;
  finNueva: string;
  motivo: string;
}

/**
 * One or two approved changes leading to an activity's current dates, latest first when built: an extension of
 * its end or a postponement of both dates, each approved before the end it replaced (and by `today`).
 */
function cambiosDe(p: ProcesoCalendarioDemo, a: Actividad, today: string, r: Rng): Omit<Cambio, 'acuerdo'>[] {
  const out: Omit<Cambio, 'acuerdo'>[] = [];
  let inicio = a.inicio;
  let fin = a.fin;
  let tope = today;
  for (let k = r.chance(0.3) ? 2 : 1; k > 0; k--) {
    const d = r.int(3, 20);
    const prorroga = r.chance(0.5);
    const inicioAnterior = prorroga ? inicio : addDays(inicio, -d);
    const finAnterior = max(addDays(fin, -d), inicioAnterior);
    const fecha = min(addDays(finAnterior, -r.int(1, 15)), addDays(tope, -r.int(1, 20)));
    if (fecha <= p.inicio) break;
    out.push({ id: a.id, fecha, inicioAnterior, finAnterior, inicioNueva: inicio, finNueva: fin, motivo: r.pick(MOTIVOS_CAMBIO) });
    inicio = inicioAnterior;
    fin = finAnterior;
    tope = fecha;
  }
  return out.reverse();
}

/** Acuerdos of the Consejo General numbered in order within each year, as OPLEV/CG123/2025. */
function numerar(cs: Omit<Cambio, 'acuerdo'>[], r: Rng): Cambio[] {
  const porAnio = new Map<string, number>();
  return [...cs].sort((a, b) => a.fecha.localeCompare(b.fecha) || a.id.localeCompare(b.id)).map((c) => {
    const anio = c.fecha.slice(0, 4);
    const n = (porAnio.get(anio) ?? r.int(20, 60)) + r.int(1, 6);
    porAnio.set(anio, n);
    return { ...c, acuerdo: `OPLEV/CG${String(n).padStart(3, '0')}/${anio}` };
  });
}

/** The activities and changes of one process, deterministic for a seed and date. */
export function calendarioProceso(p: ProcesoCalendarioDemo, seed: number, today: string): { actividades: Actividad[]; cambios: Cambio[] } {
  const r = rng(seedFor(seed, `calendario:${p.proceso}`));
  const actividades = programar(p, r);
  const cambios: Omit<Cambio, 'acuerdo'>[] = [];
  actividades.forEach((a, i) => {
    if (i % p.cadaCancelada === Math.floor(p.cadaCancelada / 2)) a.estatus = 'cancelada';
    else realizar(p, a, today, r);
    if (a.estatus === 'vigente' && i % p.cadaCambio === 7) cambios.push(...cambiosDe(p, a, today, r));
  });
  return { actividades, cambios: numerar(cambios, r) };
}

/** Dates as the units write them: dd/mm/aaaa or ISO, cell by cell. */
const fecha = (r: Rng, iso: string | null): string => (iso === null ? '' : r.chance(0.6) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

export function filasActividades(proceso: string, xs: readonly Actividad[], r: Rng): Cell[][] {
  return xs.map((a) => [proceso, a.id, a.actividad, a.area, a.subproceso, fecha(r, a.inicio), fecha(r, a.fin), fecha(r, a.inicioReal),
    fecha(r, a.finReal), a.estatus === 'vigente' && r.chance(0.5) ? '' : a.estatus, a.dependeDe ?? '']);
}

export function filasCambios(proceso: string, xs: readonly Cambio[], r: Rng): Cell[][] {
  return xs.map((c) => [proceso, c.id, c.acuerdo, fecha(r, c.fecha), fecha(r, c.inicioAnterior), fecha(r, c.finAnterior),
    fecha(r, c.inicioNueva), fecha(r, c.finNueva), c.motivo]);
}

/** Rows a real capture carries by mistake: an unknown estatus, a date that does not exist, an end before its start. */
export function filasErroneas(p: ProcesoCalendarioDemo): { actividades: Cell[][]; cambios: Cell[][] } {
  const y = p.jornada.slice(0, 4);
  return {
    actividades: [
      [p.proceso, '99.1.1', 'Actividad capturada con un estatus que no existe', 'UTP', 'Planeación', `02/02/${y}`, `20/02/${y}`, '', '', 'suspendida', ''],
      [p.proceso, '99.1.2', 'Actividad con una fecha que no existe', 'DEOE', 'Planeación', `02/02/${y}`, `31/02/${y}`, '', '', '', ''],
      [p.proceso, '99.1.3', 'Actividad que termina antes de empezar', 'DEA', 'Planeación', `20/03/${y}`, `10/03/${y}`, '', '', 'vigente', ''],
    ],
    cambios: [[p.proceso, '1.1.1', `OPLEV/CG999/${y}`, `15/01/${y}`, '', '', '', '', 'Cambio capturado sin las fechas nuevas']],
  };
}

/**
 * The demo's calendar files: the concluded process as one XLSX workbook (a sheet per table, title rows above the
 * header); the process under way as two CSVs (UTF-8 with BOM and `;`; Windows-1252 and `,`) with a few bad rows.
 */
export async function generateCalendario(ctx: DemoContext): Promise<void> {
  const dir = ctx.inbox('calendario');
  const [concluido, enCurso] = procesosCalendario(ctx.today);
  const r = rng(seedFor(ctx.seed, 'calendario:archivos'));
  const a = calendarioProceso(concluido!, ctx.seed, ctx.today);
  const titulos = ['OPLE Veracruz — Unidad Técnica de Planeación', `Calendario integral del ${concluido!.proceso}`];
  await writeXlsx(path.join(dir, `calendario_${concluido!.proceso}.xlsx`), [
    { name: 'calendario_actividades', titles: titulos, header: HEADERS.calendario_actividades, rows: filasActividades(concluido!.proceso, a.actividades, r) },
    { name: 'calendario_cambios', titles: titulos, header: HEADERS.calendario_cambios, rows: filasCambios(concluido!.proceso, a.cambios, r) },
  ]);
  const b = calendarioProceso(enCurso!, ctx.seed, ctx.today);
  const malas = filasErroneas(enCurso!);
  writeCsv(path.join(dir, `calendario_actividades_${enCurso!.proceso}.csv`), HEADERS.calendario_actividades,
    [...filasActividades(enCurso!.proceso, b.actividades, r), ...malas.actividades], { encoding: 'utf-8-bom', delimiter: ';' });
  writeCsv(path.join(dir, `calendario_cambios_${enCurso!.proceso}.csv`), HEADERS.calendario_cambios,
    [...filasCambios(enCurso!.proceso, b.cambios, r), ...malas.cambios], { encoding: 'windows-1252', delimiter: ',' });
}
