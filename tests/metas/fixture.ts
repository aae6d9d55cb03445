import { dropFile } from '../helpers/warehouse.js';

export const POA_HEAD = 'ejercicio,programa,programa_nombre,programa_especifico,programa_especifico_nombre,area,num_actividad,descripcion,unidad_medida,cantidad_anual,fecha_inicio,fecha_termino,ene,feb,mar,abr,may,jun,jul,ago,sep,oct,nov,dic,estatus';
export const AVANCE_HEAD = 'ejercicio,programa_especifico,num_actividad,mes,realizado,observaciones,fecha_reporte';
const Z = [0, 0, 0, 0, 0, 0, 0, 0, 0];
export const act = (pe: string, area: string, n: number, meses: number[], estatus = 'original'): string =>
  `2026,E404,Gestión institucional,${pe},Programa ${pe},${area},${n},Actividad ${n} de ${area},informe,${meses.reduce((a, b) => a + b, 0)},,,${meses.join(',')},${estatus}`;

/**
 * Q1 2026, by hand (cumulative January–March):
 *   E404.19-1 UTP  prog 2+2+2 = 6, real 2+2+2 = 6 → 100 verde, cumplida
 *   E404.19-2 UTP  nothing programmed or done in Q1 → sin_meta
 *   E404.19-3 UTP  prog 10 (mar), real 8 → 80 amarillo
 *   E404.16-4 DEA  prog 5+5+5 = 15, nothing reported → 0 rojo, no cumplida
 *   E404.16-5 DEA  prog 4 (feb), real 6 → 150 rebasada
 * Indicator U01 (UTP, porcentaje, ascendente) 2026-T1: 50/100 × 100 = 50 vs meta 100 → avance 50 rojo.
 * Indicator D01 (DEA, horas, descendente) 2026-T1: 30/3 = 10 vs meta 9 → 100×9/10 = 90 verde.
 */
export function dropPlanning(dataDir: string): void {
  dropFile(dataDir, 'poa', 'poa_actividades_2026.csv', [
    POA_HEAD,
    act('E404.19', 'UTP', 1, [2, 2, 2, ...Z]),
    act('E404.19', 'UTP', 2, [0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0]),
    act('E404.19', 'UTP', 3, [0, 0, 10, ...Z]),
    act('E404.16', 'DEA', 4, [5, 5, 5, ...Z]),
    act('E404.16', 'DEA', 5, [0, 4, 0, ...Z]),
  ].join('\n'));
  dropFile(dataDir, 'poa', 'poa_avance_2026_t1.csv', [
    AVANCE_HEAD,
    '2026,E404.19,1,1,2,,05/02/2026', '2026,E404.19,1,2,2,,05/03/2026', '2026,E404.19,1,3,2,,06/04/2026',
    '2026,E404.19,3,3,8,,15/04/2026',
    '2026,E404.16,5,2,6,,09/03/2026',
  ].join('\n'));
  dropFile(dataDir, 'indicadores', 'indicadores_2026.csv', [
    'ejercicio,clave,nombre,nivel,dimension,metodo_calculo,unidad_medida,frecuencia,linea_base,meta,sentido,area,umbral_verde,umbral_amarillo',
    '2026,U01,Informes publicados en plazo,actividad,eficacia,(en plazo / programados) × 100,porcentaje,trimestral,80,100,ascendente,UTP,,',
    '2026,D01,Horas promedio de pago,actividad,eficiencia,horas / pagos,horas,trimestral,12,9,descendente,DEA,,',
  ].join('\n'));
  dropFile(dataDir, 'indicadores', 'indicador_mediciones_2026.csv', [
    'ejercicio,clave,periodo,numerador,denominador,meta_periodo',
    '2026,U01,2026-T1,50,100,100', '2026,U01,2026-T2,,,100',
    '2026,D01,2026-T1,30,3,9', '2026,D01,2026-T2,,,9',
  ].join('\n'));
}
