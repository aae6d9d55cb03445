import type { TableContract } from '../runner/types.js';

export const NIVELES = ['fin', 'proposito', 'componente', 'actividad'] as const;
export const DIMENSIONES = ['eficacia', 'eficiencia', 'calidad', 'economia'] as const;
export const FRECUENCIAS = ['mensual', 'bimestral', 'trimestral', 'semestral', 'anual'] as const;
export const SENTIDOS = ['ascendente', 'descendente'] as const;

/** `indicadores` — the ficha técnica of each MIR indicator per ejercicio. */
export const indicadores: TableContract = {
  table: 'indicadores',
  target: 'core.indicadores',
  key: ['ejercicio', 'clave'],
  columns: [
    { name: 'ejercicio', type: 'int', required: true, range: [2000, 2100] },
    { name: 'clave', type: 'text', required: true },
    { name: 'nombre', type: 'text', required: true },
    { name: 'nivel', type: 'text', values: NIVELES },
    { name: 'dimension', type: 'text', values: DIMENSIONES },
    { name: 'metodo_calculo', type: 'text' },
    { name: 'unidad_medida', type: 'text' },
    { name: 'frecuencia', type: 'text', values: FRECUENCIAS },
    { name: 'linea_base', type: 'number' },
    { name: 'meta', type: 'number' },
    { name: 'sentido', type: 'text', values: SENTIDOS },
    { name: 'area', type: 'text' },
    { name: 'umbral_verde', type: 'number', range: [0, 1000] },
    { name: 'umbral_amarillo', type: 'number', range: [0, 1000] },
  ],
};

/** `indicador_mediciones` — numerador/denominador and target of each indicator per period. */
export const indicadorMediciones: TableContract = {
  table: 'indicador_mediciones',
  target: 'core.indicador_mediciones',
  key: ['ejercicio', 'clave', 'periodo'],
  columns: [
    { name: 'ejercicio', type: 'int', required: true, range: [2000, 2100] },
    { name: 'clave', type: 'text', required: true },
    { name: 'periodo', type: 'text', required: true },
    { name: 'numerador', type: 'number' },
    { name: 'denominador', type: 'number' },
    { name: 'meta_periodo', type: 'number' },
  ],
};

export const INDICADORES_TABLES: readonly TableContract[] = [indicadores, indicadorMediciones];
