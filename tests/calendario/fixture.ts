import { dropFile } from '../helpers/warehouse.js';

/**
 * A hand-built calendar, every edge of DESIGN.md §3 "Calendario integral" as of H = 10/03/2025:
 *
 *  id    area  inicio  fin     ini.real fin.real  estatus    at H = 10/03                       dias_atraso
 *  1.1   UTP   01/03   10/03   01/03    10/03               concluida (fin real = H = fin)
 *  1.2   UTP   01/02   20/02   —        15/02               concluida (early; no start reported)
 *  1.3   UTP   01/02   09/03   01/02    10/03               concluida_fuera_de_plazo (1 day)       1
 *  1.4   DEOE  10/01   20/01   —        04/02               concluida_fuera_de_plazo               15
 *  1.5   DEOE  01/03   15/03   01/03    11/03               en_ejecucion (fin real after H)
 *  1.6   DEOE  01/02   05/03   01/02    11/03               fuera_de_plazo (fin real after H)     5
 *  1.7   DEOE  01/03   10/03   —        —                   en_ejecucion (fin = H)
 *  1.8   UTSI  01/03   09/03   —        —                   fuera_de_plazo (fin = H − 1)          1
 *  1.9   UTSI  10/03   20/03   —        —                   en_ejecucion (inicio = H)
 *  1.10  UTSI  11/03   20/03   —        —                   por_iniciar (inicio = H + 1)
 *  1.11  UTSI  11/03   20/03   10/03    —                   en_ejecucion (started early, real = H)
 *  1.12  UTSI  11/03   20/03   12/03    —                   por_iniciar (real start after H)
 *  1.13  UTS   05/03   25/03   12/03    —                   en_ejecucion (programmed start passed)
 *  1.14  UTS   01/01   31/01   —        —        cancelada  none (would be fuera de plazo)
 *  1.15  UTS   20/03   25/03   —        —        cancelada  none (would be por iniciar)
 *  1.16  UTS   20/03   30/04   —        05/03               concluida (before its programmed start)
 *  1.17  UTCS  20/03   30/04   —        —                   por_iniciar
 *  1.18  UTCS  01/03   24/03   —        —                   en_ejecucion (due H + 14)
 *  1.19  UTCS  01/03   25/03   —        —                   en_ejecucion (due H + 15)
 *  1.20  UTCS  01/03   26/03   —        —                   en_ejecucion (due H + 16)
 *
 * Totals: concluida 3 (1.1, 1.2, 1.16), concluida_fuera_de_plazo 2 (1.3, 1.4), fuera_de_plazo 2 (1.6, 1.8),
 * en_ejecucion 8, por_iniciar 3 (1.10, 1.12, 1.17), canceladas 2; cumplimiento 3 / (3 + 2 + 2) = 42.857 %.
 */
export const ROWS: Array<[string, string, string, string, string, string, string?]> = [
  ['1.1', 'UTP', '01/03/2025', '10/03/2025', '01/03/2025', '10/03/2025'],
  ['1.2', 'UTP', '01/02/2025', '20/02/2025', '', '15/02/2025'],
  ['1.3', 'UTP', '01/02/2025', '09/03/2025', '01/02/2025', '10/03/2025'],
  ['1.4', 'DEOE', '2025-01-10', '2025-01-20', '', '2025-02-04'],
  ['1.5', 'DEOE', '01/03/2025', '15/03/2025', '01/03/2025', '11/03/2025'],
  ['1.6', 'DEOE', '01/02/2025', '05/03/2025', '01/02/2025', '11/03/2025'],
  ['1.7', 'DEOE', '01/03/2025', '10/03/2025', '', ''],
  ['1.8', 'UTSI', '01/03/2025', '09/03/2025', '', ''],
  ['1.9', 'UTSI', '10/03/2025', '20/03/2025', '', ''],
  ['1.10', 'UTSI', '11/03/2025', '20/03/2025', '', ''],
  ['1.11', 'UTSI', '11/03/2025', '20/03/2025', '10/03/2025', ''],
  ['1.12', 'UTSI', '11/03/2025', '20/03/2025', '12/03/2025', ''],
  ['1.13', 'UTS', '05/03/2025', '25/03/2025', '12/03/2025', ''],
  ['1.14', 'UTS', '01/01/2025', '31/01/2025', '', '', 'cancelada'],
  ['1.15', 'UTS', '20/03/2025', '25/03/2025', '', '', 'cancelada'],
  ['1.16', 'UTS', '20/03/2025', '30/04/2025', '', '05/03/2025'],
  ['1.17', 'UTCS', '20/03/2025', '30/04/2025', '', ''],
  ['1.18', 'UTCS', '01/03/2025', '24/03/2025', '', ''],
  ['1.19', 'UTCS', '01/03/2025', '25/03/2025', '', ''],
  ['1.20', 'UTCS', '01/03/2025', '26/03/2025', '', ''],
];

/** 1.9 was postponed twice; only the end of 1.13 moved once; one cambio names an activity that does not exist. */
export const CAMBIOS = [
  'proceso,id_actividad,acuerdo,fecha_acuerdo,fecha_inicio_anterior,fecha_fin_anterior,fecha_inicio_nueva,fecha_fin_nueva,motivo',
  'PRUEBA,1.9,OPLEV/CG020/2025,15/01/2025,01/02/2025,10/02/2025,15/02/2025,28/02/2025,Primera',
  'PRUEBA,1.9,OPLEV/CG031/2025,10/02/2025,15/02/2025,28/02/2025,10/03/2025,20/03/2025,Segunda',
  'PRUEBA,1.13,OPLEV/CG040/2025,01/03/2025,,15/03/2025,,25/03/2025,Prórroga',
  'PRUEBA,9.9,OPLEV/CG041/2025,01/03/2025,,15/03/2025,,25/03/2025,Desconocida',
].join('\n');

export const H = '2025-03-10';
export const P = 'PRUEBA';

/** Writes the hand-built calendar and its changes into the calendario inbox of `dataDir` (24 rows: 20 + 4). */
export function dropCalendario(dataDir: string): void {
  const head = 'proceso,id_actividad,actividad,area,subproceso,fecha_inicio,fecha_fin,fecha_inicio_real,fecha_fin_real,estatus,depende_de';
  dropFile(dataDir, 'calendario', 'calendario_actividades_prueba.csv',
    [head, ...ROWS.map(([id, area, fi, ff, fir, ffr, est]) => `${P},${id},Actividad ${id},${area},Prueba,${fi},${ff},${fir},${ffr},${est ?? ''},`)].join('\n'));
  dropFile(dataDir, 'calendario', 'calendario_cambios_prueba.csv', CAMBIOS);
}
