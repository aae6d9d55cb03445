import { writeYears, type Cell } from '../../src/demo/files.js';
import { rng, seedFor } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';

export const INDICADORES_HEADER = [
  'ejercicio', 'clave', 'nombre', 'nivel', 'dimension', 'metodo_calculo', 'unidad_medida', 'frecuencia', 'linea_base',
  'meta', 'sentido', 'area', 'umbral_verde', 'umbral_amarillo',
] as const;
export const MEDICIONES_HEADER = ['ejercicio', 'clave', 'periodo', 'numerador', 'denominador', 'meta_periodo'] as const;

type Frecuencia = 'mensual' | 'bimestral' | 'trimestral' | 'semestral' | 'anual';

/** [nivel, nombre, numerador, denominador, unidad, frecuencia, sentido, area, meta (%), base denominador]. */
const CATALOGO: ReadonlyArray<readonly [string, string, string, string, string, Frecuencia, 'ascendente' | 'descendente', string, number, number]> = [
  ['fin', 'Índice de confianza ciudadana en el OPLE Veracruz', 'Personas encuestadas que confían en el OPLE', 'Personas encuestadas', 'porcentaje', 'anual', 'ascendente', 'SE', 65, 1200],
  ['fin', 'Participación ciudadana en la elección local', 'Votos emitidos', 'Personas en la lista nominal', 'porcentaje', 'anual', 'ascendente', 'DEOE', 60, 6_000_000],
  ['proposito', 'Consejos instalados en la fecha programada', 'Consejos instalados en fecha', 'Consejos programados', 'porcentaje', 'semestral', 'ascendente', 'UTVODES', 100, 242],
  ['proposito', 'Casillas instaladas', 'Casillas instaladas', 'Casillas aprobadas', 'porcentaje', 'anual', 'ascendente', 'DEOE', 99.5, 10_800],
  ['proposito', 'Cumplimiento del Programa Operativo Anual', 'Actividades con meta cumplida', 'Actividades programadas', 'porcentaje', 'trimestral', 'ascendente', 'UTP', 90, 700],
  ['proposito', 'Resoluciones confirmadas por el tribunal', 'Resoluciones confirmadas', 'Resoluciones impugnadas', 'porcentaje', 'semestral', 'ascendente', 'DEAJ', 85, 60],
  ['componente', 'Peticiones de Oficialía atendidas en plazo', 'Peticiones atendidas en 72 h', 'Peticiones atendidas', 'porcentaje', 'mensual', 'ascendente', 'UTOE', 90, 80],
  ['componente', 'Acuerdos publicados en plazo', 'Acuerdos publicados en plazo', 'Acuerdos aprobados', 'porcentaje', 'trimestral', 'ascendente', 'UTS', 95, 70],
  ['componente', 'Disponibilidad de los servicios institucionales', 'Minutos en servicio', 'Minutos del periodo', 'porcentaje', 'mensual', 'ascendente', 'UTSI', 99.5, 43_200],
  ['componente', 'Tiempo promedio de atención de incidentes', 'Horas de atención', 'Incidentes resueltos', 'horas', 'mensual', 'descendente', 'UTSI', 8, 150],
  ['componente', 'Personas capacitadas como funcionariado de casilla', 'Personas capacitadas', 'Personas programadas', 'porcentaje', 'bimestral', 'ascendente', 'DECEyEC', 95, 40_000],
  ['componente', 'Talleres de educación cívica impartidos', 'Talleres impartidos', '', 'talleres', 'trimestral', 'ascendente', 'DECEyEC', 120, 0],
  ['componente', 'Ministraciones de prerrogativas en fecha', 'Ministraciones en fecha', 'Ministraciones programadas', 'porcentaje', 'mensual', 'ascendente', 'DEPPP', 100, 12],
  ['componente', 'Informes de fiscalización revisados', 'Informes revisados', 'Informes recibidos', 'porcentaje', 'semestral', 'ascendente', 'UTF', 100, 40],
  ['componente', 'Ejercicio del presupuesto autorizado', 'Presupuesto ejercido', 'Presupuesto autorizado', 'porcentaje', 'trimestral', 'ascendente', 'DEA', 95, 100],
  ['componente', 'Solicitudes de información respondidas en plazo', 'Solicitudes en plazo', 'Solicitudes recibidas', 'porcentaje', 'mensual', 'ascendente', 'UTTAPDP', 98, 60],
  ['componente', 'Observaciones de auditoría solventadas', 'Observaciones solventadas', 'Observaciones emitidas', 'porcentaje', 'semestral', 'ascendente', 'OIC', 80, 30],
  ['componente', 'Alcance de campañas de difusión', 'Personas alcanzadas (miles)', '', 'miles de personas', 'bimestral', 'ascendente', 'UTCS', 500, 0],
  ['actividad', 'Sesiones de consejos con quórum', 'Sesiones con quórum', 'Sesiones celebradas', 'porcentaje', 'mensual', 'ascendente', 'UTVODES', 98, 300],
  ['actividad', 'Vacantes de consejerías cubiertas', 'Vacantes cubiertas', 'Vacantes generadas', 'porcentaje', 'bimestral', 'ascendente', 'UTVODES', 90, 40],
  ['actividad', 'Actas de Oficialía entregadas', 'Actas entregadas', 'Diligencias realizadas', 'porcentaje', 'mensual', 'ascendente', 'UTOE', 95, 70],
  ['actividad', 'Sesiones del Consejo General convocadas en plazo', 'Sesiones convocadas en plazo', 'Sesiones celebradas', 'porcentaje', 'trimestral', 'ascendente', 'UTS', 100, 15],
  ['actividad', 'Tickets resueltos dentro del SLA', 'Tickets en SLA', 'Tickets resueltos', 'porcentaje', 'mensual', 'ascendente', 'UTSI', 90, 400],
  ['actividad', 'Respaldos verificados', 'Respaldos verificados', 'Respaldos programados', 'porcentaje', 'mensual', 'ascendente', 'UTSI', 100, 30],
  ['actividad', 'Tasa de rotación de personal', 'Bajas de personal', 'Plantilla promedio', 'porcentaje', 'semestral', 'descendente', 'DEA', 5, 600],
  ['actividad', 'Procedimientos de adquisición concluidos', 'Procedimientos concluidos', 'Procedimientos iniciados', 'porcentaje', 'trimestral', 'ascendente', 'DEA', 90, 40],
  ['actividad', 'Días promedio de pago a proveedores', 'Días acumulados de pago', 'Pagos realizados', 'días', 'mensual', 'descendente', 'DEA', 15, 200],
  ['actividad', 'Bodegas electorales verificadas', 'Bodegas verificadas', 'Bodegas instaladas', 'porcentaje', 'bimestral', 'ascendente', 'DEOE', 100, 242],
  ['actividad', 'Documentación electoral producida', 'Documentos producidos', 'Documentos programados', 'porcentaje', 'trimestral', 'ascendente', 'DEOE', 100, 500],
  ['actividad', 'Materiales didácticos distribuidos', 'Materiales distribuidos', 'Materiales programados', 'porcentaje', 'trimestral', 'ascendente', 'DECEyEC', 95, 2_000],
  ['actividad', 'Solicitudes de registro dictaminadas', 'Solicitudes dictaminadas', 'Solicitudes recibidas', 'porcentaje', 'semestral', 'ascendente', 'DEPPP', 100, 120],
  ['actividad', 'Proyectos de resolución en plazo', 'Proyectos en plazo', 'Proyectos elaborados', 'porcentaje', 'trimestral', 'ascendente', 'DEAJ', 90, 50],
  ['actividad', 'Foros de igualdad de género realizados', 'Foros realizados', '', 'foros', 'trimestral', 'ascendente', 'UTIGyND', 12, 0],
  ['actividad', 'Personal capacitado en el servicio profesional', 'Personas capacitadas', 'Personas inscritas', 'porcentaje', 'semestral', 'ascendente', 'UTCFyD', 90, 250],
  ['actividad', 'Informes trimestrales del POA publicados en plazo', 'Informes en plazo', 'Informes programados', 'porcentaje', 'trimestral', 'ascendente', 'UTP', 100, 1],
  ['actividad', 'Áreas asesoradas en planeación', 'Áreas asesoradas', 'Áreas del instituto', 'porcentaje', 'semestral', 'ascendente', 'UTP', 80, 22],
  ['actividad', 'Quejas ciudadanas por cada mil trámites', 'Quejas recibidas', 'Trámites atendidos', 'tasa', 'trimestral', 'descendente', 'SE', 2, 3_000],
  ['actividad', 'Obligaciones de transparencia actualizadas', 'Fracciones actualizadas', 'Fracciones aplicables', 'porcentaje', 'trimestral', 'ascendente', 'UTTAPDP', 100, 48],
  ['actividad', 'Publicaciones en redes institucionales', 'Publicaciones', '', 'publicaciones', 'mensual', 'ascendente', 'UTCS', 60, 0],
  ['actividad', 'Auditorías concluidas', 'Auditorías concluidas', 'Auditorías programadas', 'porcentaje', 'anual', 'ascendente', 'OIC', 100, 8],
];

const DIMENSION: Record<string, string> = { fin: 'eficacia', proposito: 'eficacia', componente: 'eficiencia', actividad: 'calidad' };

/** The periods of an ejercicio for a frequency, with the index of the period's last month (1–12). */
export function periodos(ejercicio: number, f: Frecuencia): Array<{ periodo: string; mesFin: number }> {
  const pad = (n: number): string => String(n).padStart(2, '0');
  switch (f) {
    case 'mensual': return Array.from({ length: 12 }, (_, i) => ({ periodo: `${ejercicio}-${pad(i + 1)}`, mesFin: i + 1 }));
    case 'bimestral': return Array.from({ length: 6 }, (_, i) => ({ periodo: `${ejercicio}-B${i + 1}`, mesFin: 2 * (i + 1) }));
    case 'trimestral': return Array.from({ length: 4 }, (_, i) => ({ periodo: `${ejercicio}-T${i + 1}`, mesFin: 3 * (i + 1) }));
    case 'semestral': return Array.from({ length: 2 }, (_, i) => ({ periodo: `${ejercicio}-S${i + 1}`, mesFin: 6 * (i + 1) }));
    case 'anual': return [{ periodo: String(ejercicio), mesFin: 12 }];
  }
}

/**
 * One ejercicio of the MIR: ~40 indicators at every level and frequency, and one measurement row per period
 * with its target; periods not yet closed by `today` carry the target only (numerador empty). A few rows are
 * deliberately bad.
 */
export function indicadoresYear(ejercicio: number, ctx: Pick<DemoContext, 'seed' | 'today'>): { indicadores: Cell[][]; mediciones: Cell[][] } {
  const r = rng(seedFor(ctx.seed, `indicadores-${ejercicio}`));
  const [ty, tm] = ctx.today.split('-').map(Number) as [number, number];
  const indicadores: Cell[][] = [];
  const mediciones: Cell[][] = [];
  CATALOGO.forEach(([nivel, nombre, num, den, unidad, frecuencia, sentido, area, meta, base], i) => {
    const clave = `${nivel.slice(0, 1).toUpperCase()}${String(i + 1).padStart(2, '0')}-${area}`;
    const custom = r.chance(0.15);
    const lineaBase = sentido === 'ascendente' ? Math.round(meta * (0.8 + r.next() * 0.15) * 10) / 10 : Math.round(meta * (1.1 + r.next() * 0.3) * 10) / 10;
    indicadores.push([
      ejercicio, clave, nombre, nivel, DIMENSION[nivel], den ? `(${num} / ${den})${unidad === 'porcentaje' ? ' × 100' : ''}` : num,
      unidad, frecuencia, lineaBase, meta, sentido, area, custom ? 95 : null, custom ? 80 : null,
    ]);
    const ps = periodos(ejercicio, frecuencia);
    const desempeno = r.pick([0.6, 0.8, 0.92, 1, 1, 1.05, 1.4]);
    ps.forEach(({ periodo, mesFin }, j) => {
      // Counts (no denominator) accumulate towards the annual target; rates and percentages hold it each period.
      const metaPeriodo = den ? meta : Math.round((meta * (j + 1)) / ps.length);
      const cerrado = ejercicio < ty || (ejercicio === ty && mesFin < tm);
      if (!cerrado) {
        mediciones.push([ejercicio, clave, periodo, null, null, metaPeriodo]);
        return;
      }
      const f = desempeno * (0.9 + r.next() * 0.2);
      if (!den) {
        mediciones.push([ejercicio, clave, periodo, Math.round(metaPeriodo * f), null, metaPeriodo]);
        return;
      }
      const d = Math.max(1, Math.round(base * (0.85 + r.next() * 0.3)));
      // valor = n/d (× 100); choose n so that valor ≈ meta × f (ascendente) or meta / f (descendente).
      const target = sentido === 'ascendente' ? meta * f : meta / f;
      const n = unidad === 'porcentaje' ? Math.min(d, Math.round((target / 100) * d)) : Math.round(target * d);
      mediciones.push([ejercicio, clave, periodo, n, d, metaPeriodo]);
    });
  });
  // Deliberately bad rows: an unknown frequency and a numerador as text.
  indicadores.push([ejercicio, 'X99-DEA', 'Indicador mal capturado', 'actividad', 'eficacia', '', 'porcentaje', 'quincenal', 0, 100, 'ascendente', 'DEA', null, null]);
  mediciones.push([ejercicio, 'X98-DEA', `${ejercicio}-T1`, 'ochenta', 100, 90]);
  return { indicadores, mediciones };
}

/** Demo: this year's MIR as one XLSX workbook (a sheet per table) and last year's as two CSVs. */
export async function generateIndicadores(ctx: DemoContext): Promise<void> {
  const year = Number(ctx.today.slice(0, 4));
  const [cur, prev] = [indicadoresYear(year, ctx), indicadoresYear(year - 1, ctx)];
  await writeYears(ctx.inbox('indicadores'), `mir_${year}.xlsx`, [
    { name: 'indicadores', titles: [`Matriz de Indicadores para Resultados ${year}`], header: INDICADORES_HEADER, rows: cur.indicadores },
    { name: 'indicador_mediciones', header: MEDICIONES_HEADER, rows: cur.mediciones },
  ], [
    { file: `indicadores_${year - 1}.csv`, header: INDICADORES_HEADER, rows: prev.indicadores },
    { file: `indicador_mediciones_${year - 1}.csv`, header: MEDICIONES_HEADER, rows: prev.mediciones },
  ]);
}
