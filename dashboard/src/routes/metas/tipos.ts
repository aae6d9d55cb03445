/** The page's names for the shapes of $domains/metas/types. */
export { type Actividad, type Conteos, type MedicionIndicador as Medicion, type ResumenMetas as Resumen } from '$domains/metas/types';
