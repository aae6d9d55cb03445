import { dropFile } from '../helpers/warehouse.js';

/**
 * Three hand-built councils of process PRUEBA_2025, evaluated at hasta = 2025-03-31 (expected values in
 * tests/odes/indice.test.ts), plus M004, whose installation is due after hasta (nothing to measure yet).
 */
export const PROCESO = 'PRUEBA_2025';
export const HASTA = '2025-03-31';

const CARGOS = ['presidencia', 'consejeria_1', 'consejeria_2', 'consejeria_3', 'consejeria_4', 'secretaria', 'vocal_organizacion', 'vocal_capacitacion'];

export const FILES: Record<string, string> = {
  'odes_consejos_prueba.csv': [
    'proceso,clave_odes,tipo,cabecera,fecha_instalacion_programada,fecha_instalacion,fecha_conclusion',
    `${PROCESO},M001,municipal,Acajete,10/01/2025,10/01/2025,`,
    `${PROCESO},M002,municipal,Acatlán,2025-01-10,2025-01-09,`,
    `${PROCESO},M003,municipal,Acayucan,10/01/2025,20/01/2025,`,
    `${PROCESO},M004,municipal,Actopan,01/05/2025,,`,
  ].join('\r\n'),
  'odes_integracion_prueba.csv': [
    'proceso,clave_odes,cargo,calidad,persona,fecha_designacion,fecha_baja,motivo_baja',
    // M001: all 8 designated; consejeria_2 left and was refilled; secretaria left on 15/03 and is vacant on hasta.
    ...CARGOS.map((c, i) => `${PROCESO},M001,${c},propietario,P1-${i},20/12/2024,${c === 'consejeria_2' ? '01/02/2025' : c === 'secretaria' ? '15/03/2025' : ''},${c === 'consejeria_2' || c === 'secretaria' ? 'renuncia' : ''}`),
    `${PROCESO},M001,consejeria_2,propietario,P1-9,20/02/2025,,`,
    `${PROCESO},M001,presidencia,suplente,P1-S0,20/12/2024,,`,
    // M002: all 8 filled.
    ...CARGOS.map((c, i) => `${PROCESO},M002,${c},propietario,P2-${i},2024-12-20,,`),
    // M003: 4 filled, 4 vacant since installation (empty fecha_designacion).
    ...CARGOS.map((c, i) => (i < 4 ? `${PROCESO},M003,${c},propietario,P3-${i},20/12/2024,,` : `${PROCESO},M003,${c},propietario,,,,`)),
  ].join('\r\n'),
  'odes_sesiones_prueba.csv': [
    'proceso,clave_odes,numero,tipo,fecha_convocatoria,fecha_programada,fecha_inicio,quorum,acta_aprobada_en',
    `${PROCESO},M001,1,solemne,08/01/2025 10:00,10/01/2025 11:00,10/01/2025 11:05,si,2`,
    `${PROCESO},M001,2,ordinaria,05/02/2025 10:00,08/02/2025 10:00,08/02/2025 10:10,sí,3`,
    `${PROCESO},M001,3,extraordinaria,28/02/2025 10:00,01/03/2025 10:00,01/03/2025 10:00,no,5`,
    `${PROCESO},M001,4,ordinaria,25/03/2025 10:00,28/03/2025 10:00,28/03/2025 10:30,si,`,
    `${PROCESO},M001,5,ordinaria,07/04/2025 10:00,10/04/2025 10:00,,,`,
    `${PROCESO},M002,1,solemne,2025-01-07 10:00,2025-01-09 11:00,2025-01-09 11:00,si,2`,
    `${PROCESO},M002,2,ordinaria,2025-02-05 10:00,2025-02-08 10:00,2025-02-08 10:00,si,`,
    `${PROCESO},M003,1,solemne,18/01/2025 10:00,20/01/2025 11:00,20/01/2025 11:00,si,`,
    `${PROCESO},M003,2,ordinaria,05/02/2025 10:00,08/02/2025 10:00,,,`,
    `${PROCESO},M003,3,extraordinaria,28/02/2025 10:00,01/03/2025 10:00,01/03/2025 10:20,no,`,
    `${PROCESO},M003,4,ordinaria,25/03/2025 10:00,28/03/2025 10:00,,,`,
  ].join('\r\n'),
  'odes_acuerdos_prueba.csv': [
    'proceso,clave_odes,clave_acuerdo,sesion_numero,fecha_aprobacion,fecha_fijacion_estrados',
    `${PROCESO},M001,A1,1,10/01/2025 12:00,10/01/2025 18:00`,
    `${PROCESO},M001,A2,2,05/02/2025 10:00,07/02/2025 10:00`,
    `${PROCESO},M001,A3,3,01/03/2025 12:00,01/03/2025 23:00`,
    `${PROCESO},M001,A4,4,20/03/2025 12:00,`,
    `${PROCESO},M001,A5,5,02/04/2025 12:00,02/04/2025 13:00`,
    `${PROCESO},M002,B1,1,09/01/2025 12:00,10/01/2025 12:00`,
    `${PROCESO},M002,B2,2,08/02/2025 12:00,09/02/2025 13:00`,
    `${PROCESO},M003,C1,1,20/01/2025 12:00,`,
    `${PROCESO},M003,C2,3,01/03/2025 12:00,`,
  ].join('\r\n'),
  'odes_entregables_prueba.csv': [
    'proceso,clave_odes,entregable,fecha_limite,fecha_entrega',
    `${PROCESO},M001,Informe mensual (enero),05/02/2025,04/02/2025`,
    `${PROCESO},M001,Informe mensual (febrero),05/03/2025,08/03/2025`,
    `${PROCESO},M001,Informe mensual (marzo),05/04/2025,`,
    `${PROCESO},M002,Informe mensual (enero),05/02/2025,05/02/2025`,
    `${PROCESO},M003,Informe mensual (enero),05/02/2025,`,
    `${PROCESO},M003,Informe mensual (febrero),05/03/2025,20/03/2025`,
  ].join('\r\n'),
  'odes_supervision_prueba.csv': [
    'proceso,clave_odes,folio_visita,fecha_visita,num_observacion,rubro,observacion,severidad,fecha_limite,fecha_atencion',
    `${PROCESO},M001,V1,15/02/2025,1,Bodega electoral,Sin bitácora,media,01/03/2025,25/02/2025`,
    `${PROCESO},M001,V1,15/02/2025,2,Estrados,Sin fecha de fijación,alta,01/03/2025,`,
    `${PROCESO},M001,V1,15/02/2025,3,Archivo,Expedientes incompletos,baja,10/03/2025,10/03/2025`,
    `${PROCESO},M001,V2,01/04/2025,1,Archivo,Oficios sin acuse,baja,15/04/2025,`,
    `${PROCESO},M003,V1,15/02/2025,1,Estrados,Estrados sin protección,alta,01/03/2025,`,
    `${PROCESO},M003,V1,15/02/2025,2,Archivo,Falta acta de instalación,media,01/03/2025,28/02/2025`,
  ].join('\r\n'),
};

/** Drops the fixture's files into the odes inbox of a data folder. */
export function dropFixture(dataDir: string, files: Record<string, string> = FILES): void {
  for (const [name, content] of Object.entries(files)) dropFile(dataDir, 'odes', name, content + '\r\n');
}

/** Hand-computed expectations at HASTA with the default weights (all 1); see indice.test.ts for the arithmetic. */
export const EXPECTED = {
  M001: { indice: 70.83, componentes_con_datos: 7, componentes: { instalacion: 100, integracion: 87.5, sesiones: 75, actas: 66.67, estrados: 50, entregables: 50, supervision: 66.67 } },
  M002: { indice: 91.67, componentes_con_datos: 6, componentes: { instalacion: 100, integracion: 100, sesiones: 100, actas: 100, estrados: 50, entregables: 100, supervision: null } },
  M003: { indice: 17.86, componentes_con_datos: 7, componentes: { instalacion: 0, integracion: 50, sesiones: 25, actas: 0, estrados: 0, entregables: 0, supervision: 50 } },
  M004: { indice: null, componentes_con_datos: 0, componentes: { instalacion: null, integracion: null, sesiones: null, actas: null, estrados: null, entregables: null, supervision: null } },
} as const;
