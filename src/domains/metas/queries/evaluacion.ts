import type { SessionUser } from '../../../auth/sessions.js';
import type { Warehouse } from '../../../db/warehouse.js';
import { avancePorArea, enviosDe, getCiclo, listaCiclos, resultadosCiclo } from '../ciclo.js';
import type { AvanceArea, CicloResumen, DetalleCiclo } from '../types.js';
import { areaScope } from '../../../auth/scope.js';

const suma = (xs: AvanceArea[], k: keyof AvanceArea): number => xs.reduce((s, a) => s + (a[k] as number), 0);

/** Every cycle with its capture progress (an `area` user sees the progress of its own area). */
export async function ciclosConAvance(wh: Warehouse, user: SessionUser): Promise<CicloResumen[]> {
  const area = areaScope(user, null);
  const out: CicloResumen[] = [];
  for (const c of await listaCiclos(wh)) {
    const av = avancePorArea(await resultadosCiclo(wh, c, area), await enviosDe(wh, c.id));
    out.push({
      ...c, areas: av.length, areas_enviadas: av.filter((a) => a.estado === 'enviado' || a.estado === 'aprobado').length,
      requieren: suma(av, 'requieren'), sin_justificar: suma(av, 'sin_justificar'), por_revisar: suma(av, 'enviadas'),
      observadas: suma(av, 'observadas'), aprobadas: suma(av, 'aprobadas'),
    });
  }
  return out;
}

/** A cycle with its results (scoped to the user's area, or the requested one) and the progress by area. */
export async function detalleCiclo(wh: Warehouse, user: SessionUser, id: number, requested: string | undefined): Promise<DetalleCiclo> {
  const area = areaScope(user, requested);
  const ciclo = await getCiclo(wh, id);
  const resultados = await resultadosCiclo(wh, ciclo, area);
  return { ciclo, resultados, avance: avancePorArea(resultados, await enviosDe(wh, id)) };
}
