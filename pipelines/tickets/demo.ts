import { demoYear, fmtDateTimeMx, fmtIsoLocal, HOUR, writeHistory, type Cell } from '../../src/demo/files.js';
import type { DemoContext } from '../runner/types.js';

export const TICKET_HEADER = [
  'id', 'titulo', 'tipo', 'categoria', 'servicio', 'urgencia', 'impacto', 'prioridad', 'estado', 'area_solicitante',
  'clave_odes', 'tecnico', 'fecha_apertura', 'fecha_asignacion', 'fecha_solucion', 'fecha_cierre', 'fecha_limite_solucion',
] as const;

/** Service names shared with the uptime catalogue. */
export const SERVICIOS_DEMO = [
  'Portal institucional', 'Correo electrónico', 'Sistema de Registro de Candidaturas', 'PREP', 'Sistema de Cómputos',
  'Transmisión de sesiones', 'Red de consejos (VPN)', 'Sistema de Oficialía Electoral', 'Intranet', 'Telefonía IP',
] as const;

const CATEGORIAS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Red y conectividad', ['Sin acceso a internet en el consejo', 'VPN del consejo sin conexión', 'Lentitud en la red', 'Falla en switch de piso']],
  ['Correo', ['No puedo enviar correos', 'Buzón lleno', 'Alta de cuenta de correo', 'Correo no sincroniza en el teléfono']],
  ['Equipo de cómputo', ['Equipo no enciende', 'Reemplazo de disco duro', 'Instalación de paquetería', 'Pantalla azul al iniciar']],
  ['Impresión', ['Impresora atascada', 'Alta de impresora en red', 'Tóner agotado']],
  ['Sistemas institucionales', ['Error al capturar en el sistema', 'Alta de usuario en el sistema', 'Reporte no descarga', 'Restablecer contraseña']],
  ['Telefonía', ['Extensión sin tono', 'Alta de extensión']],
  ['Videoconferencia', ['Apoyo para transmisión de sesión', 'Falla de audio en sala de sesiones']],
];
const AREAS = ['SE', 'UTSI', 'UTP', 'UTOE', 'UTS', 'UTVODES', 'DEOE', 'DEA', 'DEAJ', 'DECEyEC', 'DEPPP', 'UTCS', 'UTF', 'OIC'];
/** Hours to resolve by priority (1 lowest … 6 highest), as GLPI's SLA would set them. */
export const SLA_HORAS_DEMO: Record<number, number> = { 1: 120, 2: 72, 3: 48, 4: 24, 5: 8, 6: 4 };
/** GLPI's default priority matrix: urgency × impact. */
const prioridad = (u: number, i: number): number => Math.min(6, Math.max(1, Math.round((u + i) / 2) + (u === 5 && i === 5 ? 1 : 0)));

/** A year of help-desk tickets ending on ctx.today, in the GLPI export's columns; some rows deliberately bad. */
export function ticketRows(ctx: Pick<DemoContext, 'seed' | 'scale' | 'today'>): Cell[][] {
  const { r, start, end, n } = demoYear(ctx, 'tickets', 18, 3200);
  const rows: Cell[][] = [];
  for (let k = 0; k < n; k++) {
    const id = 10000 + k;
    const open = start + ((end - start) * k) / n + r.int(0, 3 * 3600) * 1000;
    // Working hours: move nights into the morning.
    const h = new Date(open - 6 * HOUR).getUTCHours();
    const apertura = h < 8 ? open + (8 - h) * HOUR : h > 19 ? open - (h - 18) * HOUR : open;
    const [categoria, titulos] = r.pick(CATEGORIAS);
    const tipo = r.chance(0.62) ? 'incidente' : 'solicitud';
    const urgencia = r.weighted([[1, 1], [2, 3], [3, 5], [4, 3], [5, 1]] as const);
    const impacto = r.weighted([[1, 2], [2, 4], [3, 4], [4, 2], [5, 1]] as const);
    const prio = prioridad(urgencia, impacto);
    const councils = r.chance(0.18);
    const odes = councils ? (r.chance(0.3) ? `D${String(r.int(1, 30)).padStart(2, '0')}` : `M${String(r.int(1, 212)).padStart(3, '0')}`) : '';
    const area = councils ? 'UTVODES' : r.pick(AREAS);
    const servicio = categoria === 'Correo' ? 'Correo electrónico' : categoria === 'Red y conectividad' && councils ? 'Red de consejos (VPN)'
      : categoria === 'Sistemas institucionales' ? r.pick(SERVICIOS_DEMO.slice(2, 8)) : categoria === 'Videoconferencia' ? 'Transmisión de sesiones' : '';
    const age = end - apertura;
    const asignado = age > 2 * HOUR || r.chance(0.6);
    const fechaAsig = asignado ? apertura + r.expo(prio >= 5 ? 0.5 : 3) * HOUR : null;
    const sla = SLA_HORAS_DEMO[prio]!;
    const resolveHours = r.expo(sla * (r.chance(0.15) ? 1.8 : 0.55));
    const solucion = fechaAsig !== null && fechaAsig + resolveHours * HOUR < end && r.chance(0.97) ? fechaAsig + resolveHours * HOUR : null;
    const cierre = solucion !== null && solucion + 48 * HOUR < end ? solucion + r.expo(30) * HOUR : null;
    const estado = cierre !== null ? 'cerrado' : solucion !== null ? 'resuelto' : fechaAsig === null ? 'nuevo'
      : r.weighted([['asignado', 6], ['en espera', 2], ['planificado', 1]] as const);
    const fmt = k % 3 === 0 ? fmtIsoLocal : fmtDateTimeMx;
    const t = (x: number | null): string => (x === null ? '' : fmt(new Date(x)));
    rows.push([
      id, r.pick(titulos), tipo, categoria, servicio, urgencia, impacto, prio, estado, area, odes,
      asignado ? `tec${String(r.int(1, 14)).padStart(2, '0')}` : '',
      t(apertura), t(fechaAsig), t(solucion), t(cierre), r.chance(0.85) ? t(apertura + sla * HOUR) : '',
    ]);
  }
  return rows;
}

/** Bad rows a real export carries: a date that does not exist, a missing required value, an unknown state. */
export function badTicketRows(): Cell[][] {
  return [
    [9001, 'Falla de energía en el consejo', 'incidente', 'Equipo de cómputo', '', 3, 3, 3, 'resuelto', 'DEOE', 'M189', 'tec03', '31/02/2026 10:00', '', '', '', ''],
    [9002, 'Alta de usuario', 'solicitud', 'Sistemas institucionales', '', 2, 2, 2, '', 'UTP', '', 'tec01', '03/03/2026 09:15', '', '', '', ''],
    [9003, 'Cambio de equipo', 'solicitud', 'Equipo de cómputo', '', 2, 3, 3, 'escalado', 'DEA', '', 'tec02', '04/03/2026 11:40', '', '', '', ''],
  ];
}

export async function generateTickets(ctx: DemoContext): Promise<void> {
  // The older part arrives as the XLSX report GLPI users save (with title rows), the rest as a CSV export.
  await writeHistory(ctx.inbox('tickets'), { xlsx: 'tickets_historico.xlsx', csv: 'tickets_export_reciente.csv' }, {
    name: 'Tickets', titles: ['OPLE Veracruz — UTSI', 'Reporte de tickets de mesa de ayuda'], header: TICKET_HEADER, rows: ticketRows(ctx),
  }, 0.8, badTicketRows());
}
