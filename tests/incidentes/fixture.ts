/**
 * A small hand-built help-desk export (times are Mexico City wall time) and the figures computed by hand for
 * the range 2026-03-01 … 2026-03-31. Shared by the pipeline and API tests.
 */
export const HEADER = 'id,titulo,tipo,categoria,servicio,urgencia,impacto,prioridad,estado,area_solicitante,clave_odes,tecnico,fecha_apertura,fecha_asignacion,fecha_solucion,fecha_cierre,fecha_limite_solucion';

export const ROWS = [
  // 1: opened 02/03 09:00, owned 10:00 (1 h), solved 19:00 (10 h), deadline 04/03 09:00 → met
  '1,VPN caída,incidente,Red y conectividad,Red de consejos (VPN),3,3,3,resuelto,UTVODES,D05,tec01,02/03/2026 09:00,02/03/2026 10:00,02/03/2026 19:00,,04/03/2026 09:00',
  // 2: opened 03/03 08:00, owned 12:00 (4 h), solved 05/03 08:00 (48 h); no deadline → priority 3 = 48 h → 05/03 08:00 → met (equal)
  '2,Buzón lleno,solicitud,Correo,Correo electrónico,2,3,3,resuelto,DEA,,tec02,03/03/2026 08:00,03/03/2026 12:00,05/03/2026 08:00,,',
  // 3: opened 10/03 10:00, owned 10:30 (0.5 h), solved 20:00 (10 h); no deadline → priority 5 = 8 h → 18:00 → not met
  '3,PREP no carga,incidente,Sistemas institucionales,PREP,5,4,5,resuelto,UTSI,,tec03,10/03/2026 10:00,10/03/2026 10:30,10/03/2026 20:00,,',
  // 4: opened 20/03 09:00, owned 11:00 (2 h), not solved → backlog
  '4,Switch de piso,incidente,Red y conectividad,,4,5,5,asignado,SE,,tec01,20/03/2026 09:00,20/03/2026 11:00,,,',
  // 5: opened 20/02 (before the range), solved 01/03 09:00 (216 h), deadline 25/02 → solved in range, not met
  '5,Alta de impresora,solicitud,Impresión,,2,2,2,cerrado,UTP,,tec02,20/02/2026 09:00,20/02/2026 10:00,01/03/2026 09:00,03/03/2026 09:00,25/02/2026 09:00',
  // 6: opened 25/03 09:00, never assigned → backlog, no time to own
  '6,Equipo no enciende,incidente,Equipo de cómputo,,3,4,4,nuevo,DEOE,M087,,25/03/2026 09:00,,,,',
  // 7: opened after the range → nowhere
  '7,Extensión sin tono,incidente,Telefonía,,3,4,4,nuevo,UTS,,,02/04/2026 09:00,,,,',
  // 8: opened 10/02, en espera → backlog (opened before hasta, not solved)
  '8,Instalación de paquetería,solicitud,Equipo de cómputo,,1,1,1,en espera,UTOE,,tec04,10/02/2026 09:00,10/02/2026 10:00,,,',
  // 9: opened 30/03 09:00, owned 09:30 (0.5 h), solved 01/04 (after the range) → opened and backlog, not solved
  '9,Reporte no descarga,incidente,Sistemas institucionales,Sistema de Cómputos,3,3,3,resuelto,UTP,,tec03,30/03/2026 09:00,30/03/2026 09:30,01/04/2026 09:00,,',
  // 10: unknown state → quarantined, loads nothing
  '10,Cambio de equipo,solicitud,Equipo de cómputo,,2,3,3,escalado,DEA,,tec02,04/03/2026 11:40,,,,',
];

export const CSV = [HEADER, ...ROWS].join('\r\n') + '\r\n';
export const RANGE = { desde: '2026-03-01', hasta: '2026-03-31' };

/**
 * abiertos  = opened 01/03–31/03: 1, 2, 3, 4, 6, 9 = 6
 * resueltos = solved 01/03–31/03: 1, 2, 3, 5 = 4
 * backlog   = opened by 31/03 and not solved by 01/04 00:00: 4, 6, 8, 9 = 4
 * MTTR over 1, 2, 3, 5: 10, 48, 10, 216 h → sorted 10, 10, 48, 216
 *   median = (10 + 48) / 2 = 29; p90: position 3 × 0.9 = 2.7 → 48 + 0.7 × (216 − 48) = 165.6
 * time to own over opened and assigned 1, 2, 3, 4, 9: 1, 4, 0.5, 2, 0.5 → sorted 0.5, 0.5, 1, 2, 4
 *   median = 1; p90: position 4 × 0.9 = 3.6 → 2 + 0.6 × (4 − 2) = 3.2
 * SLA met: 1 and 2 of 4 solved = 50 %
 */
export const EXPECTED = {
  abiertos: 6,
  resueltos: 4,
  backlog: 4,
  mttr_horas_mediana: 29,
  mttr_horas_p90: 165.6,
  tiempo_asignacion_horas_mediana: 1,
  tiempo_asignacion_horas_p90: 3.2,
  sla_cumplido_pct: 50,
};
