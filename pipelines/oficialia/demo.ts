import { demoYear, fmtDateTimeMx, fmtIsoLocal, HOUR, writeHistory, type Cell } from '../../src/demo/files.js';
import type { DemoContext } from '../runner/types.js';

export const PETICION_HEADER = [
  'folio', 'fecha_recepcion', 'organo', 'tipo_peticionario', 'acto_a_certificar', 'estado', 'fecha_prevencion',
  'fecha_respuesta_prevencion', 'fecha_evaluacion', 'fecha_diligencia', 'fecha_entrega_acta', 'num_acta',
] as const;

const ACTOS = [
  'Propaganda electoral colocada en equipamiento urbano',
  'Pinta de bardas con propaganda de precampaña',
  'Entrega de despensas en evento público',
  'Evento proselitista en plaza pública',
  'Publicación en redes sociales de servidor público',
  'Colocación de espectaculares en carretera federal',
  'Uso de vehículos oficiales en evento partidista',
  'Actos anticipados de campaña en mitin',
  'Perifoneo con propaganda electoral',
  'Retiro de propaganda de otro partido',
  'Contenido de página de internet',
  'Reparto de volantes en mercado municipal',
] as const;

/** Councils with more activity (cabeceras with more population) get more petitions. */
const CONSEJOS_ACTIVOS = ['D10', 'D11', 'D14', 'D15', 'D16', 'D29', 'D30', 'M193', 'M087', 'M028', 'M039', 'M044', 'M118', 'M131', 'M045'];

/** A year of Oficialía Electoral petitions ending on ctx.today; a few rows deliberately bad. */
export function peticionRows(ctx: Pick<DemoContext, 'seed' | 'scale' | 'today'>): Cell[][] {
  const { r, start, end, n } = demoYear(ctx, 'oficialia', 17, 1400);
  const rows: Cell[][] = [];
  let acta = 0;
  const year = (t: number): number => new Date(t - 6 * HOUR).getUTCFullYear();
  for (let k = 0; k < n; k++) {
    // More petitions in the last months (campaign season) than at the start of the window.
    const u = Math.sqrt((k + r.next()) / n);
    let recepcion = start + (end - start) * u;
    const h = new Date(recepcion - 6 * HOUR).getUTCHours();
    if (h < 9) recepcion += (9 - h) * HOUR;
    if (h > 20) recepcion -= (h - 19) * HOUR;
    const organo = r.chance(0.45) ? 'OC'
      : r.chance(0.5) ? r.pick(CONSEJOS_ACTIVOS)
      : r.chance(0.3) ? `D${String(r.int(1, 30)).padStart(2, '0')}` : `M${String(r.int(1, 212)).padStart(3, '0')}`;
    const tipo = r.weighted([['PP', 62], ['CI', 8], ['OI', 30]] as const);
    const folio = `OE/${organo === 'OC' ? 'OC' : organo}/${String(k + 1).padStart(5, '0')}/${year(recepcion)}`;
    let prevencion: number | null = null;
    let respuesta: number | null = null;
    let evaluacion: number | null = null;
    let diligencia: number | null = null;
    let entrega: number | null = null;
    let estado = 'recibida';
    let resultado: 'procedente' | 'improcedente' | 'no_presentada' = 'procedente';
    let t = recepcion;
    if (r.chance(0.18)) {
      prevencion = t + r.expo(8) * HOUR;
      if (r.chance(0.82)) {
        respuesta = prevencion + r.expo(20) * HOUR;
        t = respuesta;
      } else {
        // Not answered: the petition is taken as not filed once the answer period (48 h) ends.
        resultado = 'no_presentada';
        t = prevencion + 48 * HOUR;
      }
    }
    const late = r.chance(0.12);
    if (resultado !== 'no_presentada') {
      evaluacion = t + r.expo(late ? 30 : 6) * HOUR;
      resultado = r.chance(0.86) ? 'procedente' : 'improcedente';
    } else {
      evaluacion = t + r.expo(4) * HOUR;
    }
    if (resultado === 'procedente') {
      diligencia = evaluacion + r.expo(late ? 40 : 14) * HOUR;
      entrega = diligencia + r.expo(late ? 36 : 12) * HOUR;
    }
    const fix = (x: number | null): number | null => (x !== null && x <= end ? x : null);
    prevencion = fix(prevencion);
    respuesta = prevencion === null ? null : fix(respuesta);
    evaluacion = prevencion !== null && respuesta === null && resultado !== 'no_presentada' ? null : fix(evaluacion);
    diligencia = evaluacion === null ? null : fix(diligencia);
    entrega = diligencia === null ? null : fix(entrega);
    // A handful of old petitions stuck without an acta (backlog with age).
    if (entrega !== null && resultado === 'procedente' && r.chance(0.015)) entrega = null;
    if (entrega !== null) estado = 'atendida';
    else if (evaluacion !== null) estado = resultado;
    else if (prevencion !== null) estado = 'prevenida';
    const fmt = k % 4 === 0 ? fmtIsoLocal : fmtDateTimeMx;
    const f = (x: number | null): string => (x === null ? '' : fmt(new Date(x)));
    rows.push([
      folio, f(recepcion), organo, tipo, r.pick(ACTOS), estado, f(prevencion), f(respuesta), f(evaluacion), f(diligencia), f(entrega),
      entrega !== null ? `AC-OPLEV-OE-${organo}-${String(++acta).padStart(4, '0')}-${year(entrega)}` : '',
    ]);
  }
  return rows;
}

/** What a real capture carries: a date that does not exist, an unknown type of petitioner, an empty folio. */
export function badPeticionRows(): Cell[][] {
  return [
    ['OE/OC/90001/2026', '30/02/2026 11:00', 'OC', 'PP', 'Pinta de bardas con propaganda de precampaña', 'recibida', '', '', '', '', '', ''],
    ['OE/D05/90002/2026', '12/03/2026 10:20', 'D05', 'XX', 'Evento proselitista en plaza pública', 'recibida', '', '', '', '', '', ''],
    ['', '14/03/2026 09:40', 'M087', 'OI', 'Perifoneo con propaganda electoral', 'atendida', '', '', '', '', '', ''],
  ];
}

export async function generateOficialia(ctx: DemoContext): Promise<void> {
  await writeHistory(ctx.inbox('oficialia'), { xlsx: 'peticiones_historico.xlsx', csv: 'peticiones_recientes.csv' }, {
    name: 'Peticiones', titles: ['OPLE Veracruz — Unidad Técnica de Oficialía Electoral', 'Registro de peticiones'], header: PETICION_HEADER, rows: peticionRows(ctx),
  }, 0.6, badPeticionRows());
}
