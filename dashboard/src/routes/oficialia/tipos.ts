/** The page's names for the shapes and labels of $domains/oficialia/types. */
export {
  AMBITO_NOMBRE as AMBITOS, ESTADO_PETICION_NOMBRE as ESTADOS, TIPO_PETICIONARIO_NOMBRE as TIPOS,
  type ResumenOficialia as Resumen,
} from '$domains/oficialia/types';
