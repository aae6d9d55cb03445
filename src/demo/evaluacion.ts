import type { SessionUser } from '../auth/sessions.js';
import { addDays } from '../core/time.js';
import type { Warehouse } from '../db/warehouse.js';
import {
  abrirCiclo, cambiarEstado, enviarArea, guardarJustificacion, resultadosCiclo, revisarJustificacion, trimestreAnterior,
} from '../domains/metas/ciclo.js';
import type { Ciclo, Resultado } from '../domains/metas/types.js';
import { rng, seedFor, type Rng } from './rng.js';

/**
 * The demo's quarterly evaluation cycles (DESIGN.md §3 Evaluation cycle), made through the cycle's own functions —
 * the same checks, audit and snapshot as the UTP's clicks — so every step can be seen and tried on a fresh start:
 *  - last quarter's cycle cerrado: every area justified and sent its amber and red results, UTP approved most,
 *    observed a few (some fixed and approved, some still observed at the close), and closed it (its snapshot and
 *    report are the real ones);
 *  - this quarter's cycle abierto: about half the areas sent, one left drafts, the rest have not started; UTP
 *    already approved one sent justification and observed another.
 */
export const USUARIO_DEMO = 'utp.demostracion';

const UTP: SessionUser = { usuario: USUARIO_DEMO, rol: 'utp', area: 'UTP', activo: true, csrf: null, via: 'sesion' };

const CAUSAS = [
  'La actividad se reprogramó por la carga de trabajo del proceso electoral.',
  'El proveedor entregó los insumos después de la fecha prevista.',
  'Faltó personal eventual para cubrir la actividad en el periodo.',
  'El acuerdo del Consejo General que la habilitaba se aprobó después de lo previsto.',
  'La plataforma institucional estuvo fuera de servicio varios días.',
];
const ACCIONES = [
  'Se reprograma el resto de la meta en los meses siguientes con apoyo de otras áreas.',
  'Se solicitó la ampliación del contrato y se dará seguimiento semanal.',
  'Se asigna personal de apoyo y se informará el avance a la UTP cada quincena.',
  'Se ajusta el cronograma interno y se reporta en el siguiente corte mensual.',
];
const OBSERVACIONES = [
  'Precise la fecha en que se recuperará la meta.',
  'La causa no corresponde al periodo evaluado; revísela.',
  'Describa la acción correctiva con una entrega concreta.',
];

/** (ejercicio, trimestre) of a date aaaa-mm-dd. */
export function trimestreDe(iso: string): { ejercicio: number; trimestre: number } {
  return { ejercicio: Number(iso.slice(0, 4)), trimestre: Math.ceil(Number(iso.slice(5, 7)) / 3) };
}

/** The capture deadline: 15 days after the quarter ends. */
function fechaLimite(ejercicio: number, trimestre: number): string {
  const fin = trimestre === 4 ? `${ejercicio + 1}-01-01` : `${ejercicio}-${String(3 * trimestre + 1).padStart(2, '0')}-01`;
  return addDays(fin, 14);
}

const clave = (r: Resultado): { tipo: string; clave: string } => ({ tipo: r.tipo, clave: r.clave });

/** Areas with amber or red results, and those results, in area order. */
function porJustificar(rs: Resultado[]): Map<string, Resultado[]> {
  const m = new Map<string, Resultado[]>();
  for (const r of rs.filter((x) => x.requiere_justificacion)) m.set(r.area, [...(m.get(r.area) ?? []), r]);
  return m;
}

async function justificar(wh: Warehouse, r: Rng, ciclo: Ciclo, x: Resultado, compromiso: string): Promise<void> {
  await guardarJustificacion(wh, UTP, ciclo.id, { ...clave(x), causa: r.pick(CAUSAS), accion_correctiva: r.pick(ACCIONES), fecha_compromiso: compromiso });
}

/**
 * Last quarter's cycle: every area justified and sent; UTP approved the results of most areas, observed the first
 * result of every fifth area (from the 2nd) — the area fixed it, sent it again and UTP approved it — and left the
 * first of every fifth (from the 4th) observed at the close; then closed it.
 */
async function cicloCerrado(wh: Warehouse, r: Rng, ejercicio: number, trimestre: number): Promise<Ciclo> {
  const ciclo = await abrirCiclo(wh, UTP, { ejercicio, trimestre, fecha_limite: fechaLimite(ejercicio, trimestre) });
  const areas = [...porJustificar(await resultadosCiclo(wh, ciclo, '')).entries()];
  const compromiso = addDays(fechaLimite(ejercicio, trimestre), 60);
  for (const [area, xs] of areas) {
    for (const x of xs) await justificar(wh, r, ciclo, x, compromiso);
    await enviarArea(wh, UTP, ciclo.id, { area });
  }
  await cambiarEstado(wh, UTP, ciclo.id, { estado: 'en_revision' });
  const corregidas: Array<[string, Resultado]> = [];
  for (const [i, [area, xs]] of areas.entries()) {
    for (const [k, x] of xs.entries()) {
      const observar = k === 0 && (i % 5 === 1 || i % 5 === 3);
      await revisarJustificacion(wh, UTP, ciclo.id, { ...clave(x), estado: observar ? 'observada' : 'aprobada', comentario: observar ? r.pick(OBSERVACIONES) : null });
      if (observar && i % 5 === 1) corregidas.push([area, x]);
    }
  }
  for (const [area, x] of corregidas) {
    await justificar(wh, r, ciclo, x, addDays(compromiso, 30));
    await enviarArea(wh, UTP, ciclo.id, { area });
    await revisarJustificacion(wh, UTP, ciclo.id, { ...clave(x), estado: 'aprobada' });
  }
  return cambiarEstado(wh, UTP, ciclo.id, { estado: 'cerrado' });
}

/** This quarter's cycle, open: half the areas sent (one justification approved, one observed), one has drafts. */
async function cicloAbierto(wh: Warehouse, r: Rng, ejercicio: number, trimestre: number): Promise<Ciclo> {
  const ciclo = await abrirCiclo(wh, UTP, { ejercicio, trimestre, fecha_limite: fechaLimite(ejercicio, trimestre) });
  const areas = [...porJustificar(await resultadosCiclo(wh, ciclo, '')).entries()];
  const enviadas = Math.ceil(areas.length / 2);
  const compromiso = addDays(fechaLimite(ejercicio, trimestre), 45);
  const revisar: Resultado[] = [];
  for (const [i, [area, xs]] of areas.entries()) {
    if (i < enviadas) {
      for (const x of xs) await justificar(wh, r, ciclo, x, compromiso);
      await enviarArea(wh, UTP, ciclo.id, { area });
      revisar.push(xs[0]!);
    } else if (i === enviadas) {
      // A draft: the cause is written, the corrective action not yet.
      await guardarJustificacion(wh, UTP, ciclo.id, { ...clave(xs[0]!), causa: r.pick(CAUSAS) });
    }
  }
  if (revisar[0]) await revisarJustificacion(wh, UTP, ciclo.id, { ...clave(revisar[0]), estado: 'aprobada' });
  if (revisar[1]) await revisarJustificacion(wh, UTP, ciclo.id, { ...clave(revisar[1]), estado: 'observada', comentario: r.pick(OBSERVACIONES) });
  return ciclo;
}

/**
 * Creates the demo's two cycles as of `today` once the POA is loaded. A cycle a killed start left half made (by the
 * demo's user) is removed first, so a resumed start makes it whole; a cycle someone else opened is left alone.
 */
export async function cargarCiclosDemo(wh: Warehouse, today: string, seed = 2026): Promise<Ciclo[]> {
  const actual = trimestreDe(today);
  const anterior = trimestreAnterior(actual.ejercicio, actual.trimestre);
  const r = rng(seedFor(seed, 'evaluacion'));
  const hechos: Ciclo[] = [];
  for (const [t, crear] of [[anterior, cicloCerrado], [actual, cicloAbierto]] as const) {
    const previo = await wh.one<{ id: number; abierto_por: string }>('SELECT id, abierto_por FROM app.evaluacion_ciclos WHERE ejercicio = $1 AND trimestre = $2', [t.ejercicio, t.trimestre]);
    if (previo && previo.abierto_por !== USUARIO_DEMO) continue;
    if (previo) {
      await wh.transaction(async (c) => {
        for (const tabla of ['evaluacion_snapshot', 'evaluacion_justificaciones', 'evaluacion_envios']) await c.run(`DELETE FROM app.${tabla} WHERE ciclo_id = $1`, [previo.id]);
        await c.run('DELETE FROM app.evaluacion_ciclos WHERE id = $1', [previo.id]);
      });
    }
    hechos.push(await crear(wh, r, t.ejercicio, t.trimestre));
  }
  return hechos;
}
