import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { DAY, HOUR, fmtDateMx, fmtDateTimeMx, fmtIsoLocal, isoDate, mxMidnight, writeCsv, writeXlsx, type Cell } from '../../src/demo/files.js';
import { rng, seedFor, type Rng } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';
import { CARGOS } from './contract.js';

export const HEADERS = {
  odes_consejos: ['proceso', 'clave_odes', 'tipo', 'cabecera', 'fecha_instalacion_programada', 'fecha_instalacion', 'fecha_conclusion'],
  odes_integracion: ['proceso', 'clave_odes', 'cargo', 'calidad', 'persona', 'fecha_designacion', 'fecha_baja', 'motivo_baja'],
  odes_sesiones: ['proceso', 'clave_odes', 'numero', 'tipo', 'fecha_convocatoria', 'fecha_programada', 'fecha_inicio', 'quorum', 'acta_aprobada_en'],
  odes_acuerdos: ['proceso', 'clave_odes', 'clave_acuerdo', 'sesion_numero', 'fecha_aprobacion', 'fecha_fijacion_estrados'],
  odes_entregables: ['proceso', 'clave_odes', 'entregable', 'fecha_limite', 'fecha_entrega'],
  odes_supervision: ['proceso', 'clave_odes', 'folio_visita', 'fecha_visita', 'num_observacion', 'rubro', 'observacion', 'severidad', 'fecha_limite', 'fecha_atencion'],
} as const;
export type OdesTable = keyof typeof HEADERS;
export type OdesRows = Record<OdesTable, Cell[][]>;

export interface ConsejoDemo {
  clave: string;
  tipo: 'distrital' | 'municipal';
  cabecera: string;
  lon: number;
  lat: number;
}

/** One electoral process of the demo: its councils, dates and election day. */
export interface ProcesoDemo {
  proceso: string;
  consejos: ConsejoDemo[];
  /** ISO dates. */
  instalacion: string;
  jornada: string;
  conclusion: string;
  /** Councils with weak compliance (a regional cluster). */
  debiles: ReadonlySet<string>;
}

function readCsv(file: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

/** The 212 municipalities (catalogue) and the 30 district seats, read from the geo folder at run time. */
export function readCatalogos(geoDir: string): { municipios: ConsejoDemo[]; distritos: ConsejoDemo[] } {
  const mun = readCsv(path.join(geoDir, 'veracruz_municipios_catalogo.csv'));
  const byCve = new Map(mun.map((m) => [m.cvegeo!, m]));
  const municipios = mun.map((m) => ({
    clave: `M${String(Number(m.cve_mun)).padStart(3, '0')}`,
    tipo: 'municipal' as const,
    cabecera: m.nombre!,
    lon: Number(m.cabecera_lon),
    lat: Number(m.cabecera_lat),
  }));
  const distritos = readCsv(path.join(geoDir, 'veracruz_distritos_locales_cabeceras.csv')).map((d) => {
    const m = byCve.get(d.cabecera_cvegeo!);
    return {
      clave: `D${String(Number(d.distrito)).padStart(2, '0')}`,
      tipo: 'distrital' as const,
      cabecera: d.cabecera!,
      lon: Number(m?.cabecera_lon ?? 0),
      lat: Number(m?.cabecera_lat ?? 0),
    };
  });
  return { municipios, distritos };
}

/** The councils nearest to a point (the weak regional cluster). */
function nearest(cs: readonly ConsejoDemo[], lon: number, lat: number, n: number): Set<string> {
  return new Set(
    [...cs].sort((a, b) => Math.hypot(a.lon - lon, a.lat - lat) - Math.hypot(b.lon - lon, b.lat - lat)).slice(0, n).map((c) => c.clave),
  );
}

/** The two processes of the demo: 30 district councils (2023–2024) and 212 municipal councils (2024–2025). */
export function procesosDemo(geoDir: string): ProcesoDemo[] {
  const { municipios, distritos } = readCatalogos(geoDir);
  // The Huasteca alta around Chicontepec (-98.17, 20.97) is the weak region of the municipal process; in the
  // district process the weak councils are the two of the northern Huasteca.
  return [
    { proceso: 'PELO_2023_2024', consejos: distritos, instalacion: '2023-12-15', jornada: '2024-06-02', conclusion: '2024-09-13', debiles: nearest(distritos, -98.3, 21.6, 2) },
    { proceso: 'PELO_2024_2025', consejos: municipios, instalacion: '2024-12-10', jornada: '2025-06-01', conclusion: '2025-07-25', debiles: nearest(municipios, -98.17, 20.97, 14) },
  ];
}

const RUBROS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Bodega electoral', ['La bodega no cuenta con bitácora de acceso', 'Falta señalización de ruta de evacuación en la bodega', 'Anaqueles sin identificación por sección']],
  ['Estrados', ['Los estrados no muestran la fecha de fijación', 'Acuerdos fijados sin firma de la secretaría', 'Estrados sin protección contra la intemperie']],
  ['Archivo', ['Expedientes de sesiones incompletos', 'Falta el acta de la sesión de instalación en el expediente', 'Oficios sin acuse de recibo']],
  ['Mobiliario y equipo', ['Equipo de cómputo sin resguardo firmado', 'Falta inventario actualizado del mobiliario']],
  ['Seguridad de las instalaciones', ['Extintores vencidos', 'Sin botiquín de primeros auxilios', 'Cerradura de acceso principal dañada']],
];

const ts = (r: Rng, ms: number): string => (r.chance(0.5) ? fmtDateTimeMx(new Date(ms)) : fmtIsoLocal(new Date(ms)));
const d = (r: Rng, ms: number): string => (r.chance(0.5) ? fmtDateMx(new Date(ms)) : isoDate(new Date(ms)));

/** Rows of every ODES table for one process; deterministic for a seed. Nothing after `today` has happened yet. */
export function odesRows(p: ProcesoDemo, seed: number, today: string): OdesRows {
  const r = rng(seedFor(seed, `odes:${p.proceso}`));
  const out: OdesRows = { odes_consejos: [], odes_integracion: [], odes_sesiones: [], odes_acuerdos: [], odes_entregables: [], odes_supervision: [] };
  const now = mxMidnight(today).getTime() + DAY;
  const happened = (ms: number | null): number | null => (ms !== null && ms < now ? ms : null);
  const inst = mxMidnight(p.instalacion).getTime();
  const jornada = mxMidnight(p.jornada).getTime();
  const concl = mxMidnight(p.conclusion).getTime();
  const span = concl - inst;
  const anio = p.jornada.slice(0, 4);
  for (const c of p.consejos) {
    const weak = p.debiles.has(c.clave);
    const medium = !weak && r.chance(0.1);
    // Probability of failing an obligation at time t: weak councils get worse as the process goes on.
    const fail = (t: number): number => {
      const x = Math.min(1, Math.max(0, (t - inst) / span));
      return weak ? 0.2 + 0.45 * x : medium ? 0.12 : 0.025;
    };
    const late = weak ? r.chance(0.45) : r.chance(0.02);
    const fechaInst = inst + (late ? r.int(1, 12) * DAY : 0);
    out.odes_consejos.push([
      p.proceso, c.clave, c.tipo, c.cabecera, d(r, inst), happened(fechaInst) !== null ? d(r, fechaInst) : '',
      happened(concl) !== null ? d(r, concl) : '',
    ]);
    const organo = c.tipo === 'distrital' ? `CD${c.clave.slice(1)}` : `CM${c.clave.slice(1)}`;

    // Integration: every position with its propietario and suplente; vacancies filled late in weak councils.
    for (const [ci, cargo] of CARGOS.entries()) {
      for (const calidad of ['propietario', 'suplente'] as const) {
        let n = 1;
        const persona = (): string => `${p.proceso.slice(5, 9)}-${c.clave}-${ci + 1}${calidad[0]}${n++}`;
        if (calidad === 'propietario' && weak && r.chance(0.06)) {
          // Vacant since installation; designated weeks later.
          out.odes_integracion.push([p.proceso, c.clave, cargo, calidad, '', '', '', '']);
          const fill = happened(inst + r.int(20, 90) * DAY);
          if (fill !== null) out.odes_integracion.push([p.proceso, c.clave, cargo, calidad, persona(), d(r, fill), '', '']);
          continue;
        }
        let desde = inst - r.int(10, 25) * DAY;
        for (;;) {
          const quits = r.chance(calidad === 'propietario' ? (weak ? 0.35 : medium ? 0.15 : 0.06) : 0.04);
          const baja = quits ? happened(desde + r.int(15, Math.max(20, Math.round((concl - desde) / DAY) - 5)) * DAY) : null;
          const bajaOk = baja !== null && baja < concl;
          out.odes_integracion.push([
            p.proceso, c.clave, cargo, calidad, persona(), d(r, desde), bajaOk ? d(r, baja) : '',
            bajaOk ? r.weighted([['renuncia', 8], ['remocion', 1], ['fallecimiento', 0.3], ['otro', 1]] as const) : '',
          ]);
          if (!bajaOk) break;
          const next = happened(baja + (weak ? r.int(20, 75) : r.int(2, 12)) * DAY);
          if (next === null || next >= concl) break;
          desde = next;
        }
      }
    }

    // Sessions roughly weekly, ordinarias monthly, a permanente on election day; minutes approved at the next one.
    interface S { numero: number; tipo: string; prog: number; inicio: number | null }
    const ses: S[] = [];
    let t = fechaInst + 11 * HOUR;
    let mes = -1;
    for (let numero = 1; t < concl; numero++) {
      const m = new Date(t).getUTCMonth();
      const tipo = numero === 1 ? 'solemne' : Math.abs(t - jornada) < 4 * DAY ? 'permanente' : m !== mes ? 'ordinaria' : r.chance(0.1) ? 'urgente' : 'extraordinaria';
      mes = m;
      const held = r.chance(1 - fail(t) * 0.35);
      ses.push({ numero, tipo, prog: t, inicio: held ? happened(t + r.int(0, 40) * 60_000) : null });
      t = Math.abs(t - jornada) < 10 * DAY && t < jornada ? jornada + 8 * HOUR : t + r.int(6, 9) * DAY;
      if (Math.abs(t - jornada) < DAY && tipo === 'permanente') t += 7 * DAY;
    }
    const heldIdx = ses.filter((s) => s.inicio !== null);
    for (const s of ses) {
      if (s.prog >= now) continue;
      const quorum = s.inicio !== null ? !r.chance(fail(s.prog) * 0.5) : null;
      const next = heldIdx.find((h) => h.inicio! > (s.inicio ?? Infinity));
      const aprobada = s.inicio !== null && next && !r.chance(fail(s.prog) * 0.8) ? next.numero : null;
      const conv = s.prog - (s.tipo === 'ordinaria' ? 72 : s.tipo === 'urgente' ? 4 : 24) * HOUR - r.int(0, 10) * HOUR;
      out.odes_sesiones.push([
        p.proceso, c.clave, s.numero, s.tipo, ts(r, conv), ts(r, s.prog), s.inicio !== null ? ts(r, s.inicio) : '',
        quorum === null ? '' : quorum ? (r.chance(0.5) ? 'si' : 'sí') : 'no', aprobada ?? '',
      ]);
      // Acuerdos of the session, posted on the estrados (late more often in weak councils).
      if (s.inicio === null || !quorum) continue;
      const nAcu = s.tipo === 'ordinaria' ? r.int(1, 4) : s.tipo === 'solemne' ? 1 : r.int(0, 2);
      for (let k = 0; k < nAcu; k++) {
        const num = out.odes_acuerdos.filter((a) => a[1] === c.clave).length + 1;
        const aprob = s.inicio + (30 + k * 20 + r.int(0, 30)) * 60_000;
        const f = fail(s.prog);
        const post = r.chance(f * 0.12) ? null : aprob + (r.chance(f * 1.1) ? r.int(26, 120) : r.int(1, 20)) * HOUR + r.int(0, 59) * 60_000;
        out.odes_acuerdos.push([
          p.proceso, c.clave, `OPLEV/${organo}/${String(num).padStart(3, '0')}/${anio}`, s.numero, ts(r, aprob), post !== null && happened(post) !== null ? ts(r, post) : '',
        ]);
      }
    }

    // Reports: the monthly activity report (5th of the next month) and the milestone reports.
    const entregables: Array<[string, number]> = [['Reporte de integración del consejo', fechaInst + 10 * DAY]];
    for (let m = new Date(inst); m.getTime() < concl; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1, 6))) {
      const due = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 5, 6);
      const mesNombre = new Date(m.getTime()).toLocaleDateString('es-MX', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      entregables.push([`Informe mensual de actividades (${mesNombre})`, due]);
    }
    entregables.push(['Informe de recepción de paquetes electorales', jornada + 3 * DAY], ['Informe final de actividades', concl + 10 * DAY]);
    for (const [nombre, due] of entregables) {
      const f = fail(due);
      const entrega = r.chance(f * 0.25) ? null : due - r.int(0, 4) * DAY + (r.chance(f) ? r.int(5, 25) * DAY : 0);
      out.odes_entregables.push([p.proceso, c.clave, nombre, d(r, due), entrega !== null && happened(entrega) !== null ? d(r, entrega) : '']);
    }

    // Supervision visits at about a third and two thirds of the process.
    for (const [vi, frac] of [0.3, 0.7].entries()) {
      const visita = inst + Math.round(span * frac) + r.int(-5, 5) * DAY;
      if (happened(visita) === null) continue;
      const folio = `SUP-${anio}-${c.clave}-${vi + 1}`;
      const nObs = weak ? r.int(2, 5) : r.int(0, 3);
      for (let k = 1; k <= nObs; k++) {
        const [rubro, textos] = r.pick(RUBROS);
        const sev = r.weighted([['baja', 5], ['media', 3], ['alta', weak ? 3 : 1]] as const);
        const limite = visita + (sev === 'alta' ? 7 : 15) * DAY;
        const f = fail(visita);
        const atencion = r.chance(f * 0.6) ? null : limite - r.int(1, 6) * DAY + (r.chance(f * 0.8) ? r.int(8, 30) * DAY : 0);
        out.odes_supervision.push([
          p.proceso, c.clave, folio, d(r, visita), k, rubro, r.pick(textos), sev, d(r, limite), atencion !== null && happened(atencion) !== null ? d(r, atencion) : '',
        ]);
      }
    }
  }
  return out;
}

/** Rows a real capture carries by mistake: a date that does not exist, a missing key, an unknown value. */
export function badOdesRows(proceso: string): Partial<OdesRows> {
  return {
    odes_sesiones: [[proceso, 'M045', 999, 'ordinaria', '27/02/2025 10:00', '31/02/2025 10:00', '', '', '']],
    odes_acuerdos: [[proceso, 'M101', '', 3, '14/03/2025 12:30', '15/03/2025 09:00']],
    odes_supervision: [[proceso, 'M150', 'SUP-2025-M150-9', '10/04/2025', 1, 'Estrados', 'Estrados sin fecha', 'critica', '17/04/2025', '']],
  };
}

/** The demo's ODES files: the district process as one XLSX workbook (a sheet per table), the municipal one as CSVs. */
export async function generateOdes(ctx: DemoContext): Promise<void> {
  const dir = ctx.inbox('odes');
  const [distrital, municipal] = procesosDemo(ctx.geoDir);
  const a = odesRows(distrital!, ctx.seed, ctx.today);
  await writeXlsx(
    path.join(dir, `odes_${distrital!.proceso}.xlsx`),
    (Object.keys(HEADERS) as OdesTable[]).map((t) => ({
      name: t, titles: ['OPLE Veracruz — UTVODES', `Seguimiento de consejos distritales ${distrital!.proceso}`], header: HEADERS[t], rows: a[t],
    })),
  );
  const b = odesRows(municipal!, ctx.seed, ctx.today);
  const bad = badOdesRows(municipal!.proceso);
  for (const t of Object.keys(HEADERS) as OdesTable[]) {
    writeCsv(path.join(dir, `${t}_${municipal!.proceso}.csv`), HEADERS[t], [...b[t], ...(bad[t] ?? [])], {
      encoding: t === 'odes_supervision' ? 'windows-1252' : 'utf-8-bom',
      delimiter: t === 'odes_acuerdos' ? ';' : ',',
    });
  }
}
