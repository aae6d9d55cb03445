import { writeYears, type Cell } from '../../src/demo/files.js';
import { rng, seedFor, type Rng } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';
import { MESES } from '../../src/core/time.js';

export const ACTIVIDADES_HEADER = [
  'ejercicio', 'programa', 'programa_nombre', 'programa_especifico', 'programa_especifico_nombre', 'area', 'num_actividad',
  'descripcion', 'unidad_medida', 'cantidad_anual', 'fecha_inicio', 'fecha_termino', ...MESES, 'estatus',
] as const;
export const AVANCE_HEADER = ['ejercicio', 'programa_especifico', 'num_actividad', 'mes', 'realizado', 'observaciones', 'fecha_reporte'] as const;

export const PROGRAMAS: Record<string, string> = {
  E101: 'Organización y desarrollo de los procesos electorales locales',
  E202: 'Educación cívica, capacitación electoral y participación ciudadana',
  E303: 'Prerrogativas, fiscalización y vinculación con partidos políticos y órganos desconcentrados',
  E404: 'Gestión institucional, administración y tecnologías de la información',
};

/** Programas específicos: [programa, area, nombre]. Each area owns one or more. */
const ESPECIFICOS: ReadonlyArray<readonly [string, string, string]> = [
  ['E101', 'DEOE', 'Organización electoral y documentación'],
  ['E101', 'DEOE', 'Integración y funcionamiento de órganos desconcentrados'],
  ['E101', 'UTVODES', 'Vinculación y seguimiento a consejos distritales y municipales'],
  ['E101', 'UTOE', 'Ejercicio de la función de Oficialía Electoral'],
  ['E101', 'UTS', 'Sesiones y acuerdos de los órganos colegiados'],
  ['E101', 'UTSI', 'Sistemas de resultados electorales y cómputos'],
  ['E101', 'DEAJ', 'Atención de medios de impugnación y procedimientos sancionadores'],
  ['E202', 'DECEyEC', 'Capacitación electoral e integración de mesas directivas'],
  ['E202', 'DECEyEC', 'Educación cívica y construcción de ciudadanía'],
  ['E202', 'UTIGyND', 'Igualdad de género y no discriminación'],
  ['E202', 'UTCS', 'Comunicación social y difusión institucional'],
  ['E202', 'UTCFyD', 'Formación y desarrollo del personal'],
  ['E303', 'DEPPP', 'Prerrogativas y registro de partidos políticos'],
  ['E303', 'DEPPP', 'Registro de candidaturas'],
  ['E303', 'UTF', 'Fiscalización de organizaciones y asociaciones'],
  ['E404', 'DEA', 'Administración de recursos financieros'],
  ['E404', 'DEA', 'Recursos humanos y materiales'],
  ['E404', 'UTSI', 'Infraestructura tecnológica y mesa de ayuda'],
  ['E404', 'UTP', 'Planeación, seguimiento y evaluación institucional'],
  ['E404', 'UTTAPDP', 'Transparencia y protección de datos personales'],
  ['E404', 'OIC', 'Control interno y auditoría'],
  ['E404', 'SE', 'Coordinación ejecutiva de las áreas'],
];

/** [description stem, unit of measure] by area; the stem gets a topic appended. */
const TAREAS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  DEOE: [['Elaborar informe de avance de', 'informe'], ['Supervisar la producción de', 'supervisión'], ['Distribuir', 'entrega'], ['Verificar las bodegas de', 'verificación']],
  UTVODES: [['Dar seguimiento a las sesiones de', 'reporte'], ['Capacitar al personal de', 'curso'], ['Visitar', 'visita'], ['Integrar expedientes de', 'expediente']],
  UTOE: [['Atender peticiones de', 'acta'], ['Capacitar en función de Oficialía a', 'curso'], ['Publicar estadística de', 'informe']],
  UTS: [['Preparar las sesiones de', 'sesión'], ['Publicar los acuerdos de', 'publicación'], ['Elaborar las actas de', 'acta']],
  UTSI: [['Mantener la disponibilidad de', 'reporte'], ['Atender solicitudes de', 'reporte'], ['Actualizar', 'sistema'], ['Realizar respaldos de', 'respaldo']],
  DEAJ: [['Sustanciar', 'expediente'], ['Elaborar proyectos de resolución de', 'proyecto'], ['Rendir informes sobre', 'informe']],
  DECEyEC: [['Impartir talleres de', 'taller'], ['Producir materiales de', 'material'], ['Realizar jornadas de', 'evento']],
  UTIGyND: [['Realizar foros sobre', 'foro'], ['Dar seguimiento a', 'informe']],
  UTCS: [['Difundir', 'campaña'], ['Elaborar síntesis informativa de', 'síntesis'], ['Publicar contenidos sobre', 'publicación']],
  UTCFyD: [['Impartir cursos de', 'curso'], ['Evaluar el desempeño en', 'evaluación']],
  DEPPP: [['Calcular y ministrar', 'ministración'], ['Revisar solicitudes de', 'dictamen'], ['Actualizar el libro de registro de', 'actualización']],
  UTF: [['Revisar informes de', 'dictamen'], ['Notificar observaciones de', 'oficio']],
  DEA: [['Elaborar estados financieros de', 'informe'], ['Realizar procedimientos de adquisición de', 'procedimiento'], ['Pagar la nómina de', 'nómina'], ['Levantar inventario de', 'inventario']],
  UTP: [['Integrar el informe trimestral de', 'informe'], ['Asesorar a las áreas en', 'asesoría'], ['Evaluar', 'evaluación']],
  UTTAPDP: [['Atender solicitudes de', 'solicitud'], ['Actualizar obligaciones de', 'actualización']],
  OIC: [['Practicar auditorías a', 'auditoría'], ['Atender quejas sobre', 'expediente']],
  SE: [['Coordinar reuniones de', 'reunión'], ['Dar seguimiento a acuerdos de', 'informe']],
};

const TEMAS = [
  'la documentación electoral', 'los consejos distritales', 'los consejos municipales', 'las mesas directivas de casilla',
  'el material electoral', 'la Junta General Ejecutiva', 'el Consejo General', 'las comisiones', 'el personal eventual',
  'los partidos políticos', 'las candidaturas independientes', 'los sistemas institucionales', 'el portal institucional',
  'la red de los consejos', 'el programa anual de trabajo', 'la cuenta pública', 'el padrón de proveedores',
  'la ciudadanía veracruzana', 'las y los jóvenes', 'las juntas de trabajo', 'la plataforma de transparencia',
  'los observadores electorales', 'las organizaciones de ciudadanos', 'los medios de comunicación',
];

/** Monthly programming patterns: which months carry a quantity. */
function programar(r: Rng): number[] {
  const m = new Array<number>(12).fill(0);
  const kind = r.weighted([['mensual', 40], ['trimestral', 20], ['rango', 25], ['unica', 15]] as const);
  const q = r.weighted([[1, 50], [2, 15], [r.int(3, 12), 25], [r.int(20, 200), 10]] as const);
  if (kind === 'mensual') for (let i = 0; i < 12; i++) m[i] = q;
  else if (kind === 'trimestral') for (const i of [2, 5, 8, 11]) m[i] = q;
  else if (kind === 'unica') m[r.int(0, 11)] = q;
  else {
    const a = r.int(0, 8);
    const b = r.int(a + 1, 11);
    for (let i = a; i <= b; i++) m[i] = q;
  }
  return m;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dmy = (y: number, mo: number, d: number): string => `${pad(d)}/${pad(mo)}/${y}`;
const lastDay = (y: number, mo: number): number => new Date(Date.UTC(y, mo, 0)).getUTCDate();

export interface PoaYear {
  actividades: Cell[][];
  avance: Cell[][];
}

/**
 * One ejercicio of the POA: activities across every area, and the monthly progress reported up to `today`
 * (the month before today's is the last one reported; reports on the 1st–10th of the next month, some late,
 * some missing). A few rows are deliberately bad (an unknown estatus, a month 13, a quantity as text).
 */
export function poaYear(ejercicio: number, ctx: Pick<DemoContext, 'seed' | 'scale' | 'today'>): PoaYear {
  const r = rng(seedFor(ctx.seed, `poa-${ejercicio}`));
  const [ty, tm, td] = ctx.today.split('-').map(Number) as [number, number, number];
  // Months whose progress is due: every month of a past year; up to last month in the current one.
  const mesesReportados = ejercicio < ty ? 12 : ejercicio > ty ? 0 : tm - 1;
  const porEspecifico = Math.max(3, Math.round((700 / ESPECIFICOS.length) * ctx.scale));
  const actividades: Cell[][] = [];
  const avance: Cell[][] = [];
  ESPECIFICOS.forEach(([programa, area, nombre], i) => {
    const pe = `${programa}.${pad(i + 1)}`;
    const n = porEspecifico + r.int(-4, 4);
    // Areas differ in discipline: some report late or fall behind more often.
    const rezago = r.pick([0.05, 0.1, 0.15, 0.3]);
    for (let k = 1; k <= n; k++) {
      const [verbo, unidad] = r.pick(TAREAS[area]!);
      const meses = programar(r);
      let estatus = r.weighted([['original', 82], ['modificada', 10], ['nueva', 5], ['cancelada', 3]] as const);
      if (estatus === 'modificada') {
        // Reprogrammed: part of the quantity moves to later months.
        const from = meses.findIndex((x) => x > 0);
        if (from >= 0 && from < 11) {
          const mv = meses[from]!;
          meses[from] = 0;
          meses[Math.min(11, from + r.int(1, 3))]! += mv;
        }
      } else if (estatus === 'nueva') {
        for (let x = 0; x < 5; x++) meses[x] = 0;
        if (!meses.some((x) => x > 0)) meses[r.int(5, 11)] = 1;
      } else if (estatus === 'cancelada') {
        const c = r.int(3, 8);
        for (let x = c; x < 12; x++) meses[x] = 0;
      }
      const first = meses.findIndex((x) => x > 0);
      const last = 11 - [...meses].reverse().findIndex((x) => x > 0);
      const anual = meses.reduce((s, x) => s + x, 0);
      const row: Cell[] = [
        ejercicio, programa, PROGRAMAS[programa], pe, nombre, area, k,
        `${verbo} ${r.pick(TEMAS)}`, unidad, anual,
        first >= 0 ? dmy(ejercicio, first + 1, 1) : null, last >= 0 && first >= 0 ? dmy(ejercicio, last + 1, lastDay(ejercicio, last + 1)) : null,
        ...meses, estatus,
      ];
      actividades.push(row);
      // Progress of each month due.
      const perfil = r.weighted([['cumple', 60], ['atraso', 20 + rezago * 50], ['adelanto', 8], ['sin_reporte', 4 + rezago * 20]] as const);
      for (let mes = 1; mes <= mesesReportados; mes++) {
        const prog = meses[mes - 1]!;
        if (perfil === 'sin_reporte' && mes > 2) continue;
        if (prog === 0 && !r.chance(0.03)) continue;
        if (r.chance(rezago * 0.15)) continue; // a month nobody reported
        let real: number;
        if (prog === 0) real = r.int(1, 2);
        else if (perfil === 'cumple') real = r.chance(0.85) ? prog : Math.max(0, Math.round(prog * (0.7 + r.next() * 0.6)));
        else if (perfil === 'atraso') real = r.chance(0.2) ? 0 : r.chance(0.4) ? Math.max(0, prog - 1) : Math.round(prog * (0.55 + r.next() * 0.4));
        else real = Math.ceil(prog * (1.2 + r.next() * 0.8));
        const ry = mes === 12 ? ejercicio + 1 : ejercicio;
        const rm = mes === 12 ? 1 : mes + 1;
        const tarde = r.chance(0.08 + rezago * 0.4);
        let dia = tarde ? r.int(11, 26) : r.int(1, 10);
        // Reports of last month are not dated after today.
        if (ry === ty && rm === tm) dia = Math.min(dia, Math.max(1, td));
        const obs = real < prog ? r.pick(['Se reprogramó por carga de trabajo del proceso electoral', 'Pendiente de validación', 'Falta de suficiencia presupuestal', null])
          : real > prog ? r.pick(['Se atendieron solicitudes adicionales', null]) : null;
        avance.push([ejercicio, pe, k, mes, real, obs, dmy(ry, rm, dia)]);
      }
    }
  });
  // Deliberately bad rows: quarantined by the loader, reported with their row and field.
  if (actividades.length > 10) {
    const bad = [...actividades[3]!];
    bad[6] = 9001;
    bad[bad.length - 1] = 'suspendida';
    actividades.push(bad);
  }
  if (avance.length > 10) {
    const a = [...avance[5]!];
    a[3] = 13;
    avance.push(a);
    const b = [...avance[7]!];
    b[2] = 9002;
    b[4] = 'n/d';
    avance.push(b);
  }
  return { actividades, avance };
}

/** Demo: this year's POA as one XLSX workbook (one sheet per table) and last year's as two CSVs. */
export async function generatePoa(ctx: DemoContext): Promise<void> {
  const year = Number(ctx.today.slice(0, 4));
  const [cur, prev] = [poaYear(year, ctx), poaYear(year - 1, ctx)];
  await writeYears(ctx.inbox('poa'), `poa_${year}.xlsx`, [
    { name: 'poa_actividades', titles: [`Programa Operativo Anual ${year}`, 'Unidad Técnica de Planeación'], header: ACTIVIDADES_HEADER, rows: cur.actividades },
    { name: 'poa_avance', titles: [`Avance mensual del POA ${year}`], header: AVANCE_HEADER, rows: cur.avance },
  ], [
    { file: `poa_actividades_${year - 1}.csv`, header: ACTIVIDADES_HEADER, rows: prev.actividades },
    { file: `poa_avance_${year - 1}.csv`, header: AVANCE_HEADER, rows: prev.avance },
  ], 'utf-8-bom');
}
