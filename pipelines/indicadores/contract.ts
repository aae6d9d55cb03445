import { columns, oneOf, req, within } from '../runner/contract.js';
import type { TableContract } from '../runner/types.js';

export const NIVELES = ['fin', 'proposito', 'componente', 'actividad'] as const;
export const DIMENSIONES = ['eficacia', 'eficiencia', 'calidad', 'economia'] as const;
export const FRECUENCIAS = ['mensual', 'bimestral', 'trimestral', 'semestral', 'anual'] as const;
export const SENTIDOS = ['ascendente', 'descendente'] as const;

/** `indicadores` — the ficha técnica of each MIR indicator per ejercicio. */
export const indicadores: TableContract = {
  table: 'indicadores', target: 'core.indicadores', key: ['ejercicio', 'clave'],
  columns: columns({
    ejercicio: within('int', 2000, 2100, true), clave: req('text'), nombre: req('text'), nivel: oneOf(NIVELES),
    dimension: oneOf(DIMENSIONES), metodo_calculo: 'text', unidad_medida: 'text', frecuencia: oneOf(FRECUENCIAS),
    linea_base: 'number', meta: 'number', sentido: oneOf(SENTIDOS), area: 'text',
    umbral_verde: within('number', 0, 1000), umbral_amarillo: within('number', 0, 1000),
  }),
};

/** `indicador_mediciones` — numerador/denominador and target of each indicator per period. */
export const indicadorMediciones: TableContract = {
  table: 'indicador_mediciones', target: 'core.indicador_mediciones', key: ['ejercicio', 'clave', 'periodo'],
  columns: columns({
    ejercicio: within('int', 2000, 2100, true), clave: req('text'), periodo: req('text'), numerador: 'number',
    denominador: 'number', meta_periodo: 'number',
  }),
};

export const INDICADORES_TABLES: readonly TableContract[] = [indicadores, indicadorMediciones];
