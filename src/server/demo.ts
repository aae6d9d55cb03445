import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import { cargarCiclosDemo } from '../demo/evaluacion.js';
import { generateDemo, todayMx } from '../demo/index.js';
import { PIPELINES } from '../../pipelines/registry.js';
import { runPipeline } from '../../pipelines/runner/run.js';

/**
 * The first-start demo, resumable: its progress is kept in ops.instalacion ('demo' = generando → cargando →
 * completa), so a start killed half-way finishes it on the next start instead of leaving half a demo. Every file
 * appears whole in the inbox (src/demo/files.ts); sources whose start-up run committed are not run again.
 */
type DemoState = 'generando' | 'cargando' | 'completa';

async function getState(wh: Warehouse): Promise<DemoState | null> {
  return (await wh.one<{ valor: DemoState }>("SELECT valor FROM ops.instalacion WHERE clave = 'demo'"))?.valor ?? null;
}

async function setState(wh: Warehouse, valor: DemoState): Promise<void> {
  await wh.exec("INSERT OR REPLACE INTO ops.instalacion (clave, valor, actualizado_en) VALUES ('demo', $1, now())", [valor]);
}

export class StartupCancelled extends Error {
  constructor() {
    super('arranque cancelado por una señal de paro; la carga de demostración continuará en el siguiente inicio');
  }
}

/** Loads the demo into an empty warehouse (or finishes one a killed start left half done). */
export async function loadDemo(wh: Warehouse, config: Config, signal?: AbortSignal): Promise<void> {
  if (!config.demo) return;
  const state = await getState(wh);
  if (state === 'completa') return;
  const pipelines = PIPELINES.filter((p) => !p.configured || p.configured());
  let pending = pipelines;
  if (state === null) {
    const runs = await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ops.ejecuciones');
    if ((runs?.n ?? 0) > 0) return;
    console.log('Almacén vacío: cargando los datos de demostración…');
    await setState(wh, 'generando');
    await generateDemo(config, pipelines, {}, (s) => console.log(`  generando ${s}`));
    await setState(wh, 'cargando');
  } else {
    // A start killed half-way: the sources whose start-up run committed stay as they are; the others get their
    // files written again (a killed run may have taken some out of the inbox) and run.
    const done = new Set(
      (await wh.all<{ pipeline: string }>("SELECT DISTINCT pipeline FROM ops.ejecuciones WHERE origen = 'inicio' AND estado = 'exito'")).map((r) => r.pipeline),
    );
    pending = pipelines.filter((p) => !done.has(p.name));
    console.log(`Reanudando la carga de demostración que un cierre inesperado dejó a medias: ${pending.map((p) => p.name).join(', ') || 'solo faltaba registrarla'}…`);
    await generateDemo(config, pending, {}, (s) => console.log(`  generando de nuevo ${s}`));
    await setState(wh, 'cargando');
  }
  for (const p of pending) {
    if (signal?.aborted) throw new StartupCancelled();
    const r = await runPipeline(wh, p, { dataDir: config.dataDir, origen: 'inicio' });
    console.log(`  ${p.name}: ${r.estado === 'exito' ? 'éxito' : 'fallo'} — ${r.cargadas} filas cargadas, ${r.rechazadas} rechazadas${r.error ? ` (${r.error})` : ''}`);
  }
  if (signal?.aborted) throw new StartupCancelled();
  await evaluationCycles(wh);
  // A stop during the cycles leaves the demo unfinished: the next start makes them again.
  if (signal?.aborted) throw new StartupCancelled();
  await setState(wh, 'completa');
  // The loads' rows sit in memory until a checkpoint writes them to the file (tens of MB of the server's memory).
  // (The ~250 MB of garbage generating and loading it leaves go back before the server listens: src/server/main.ts.)
  await wh.exec('CHECKPOINT').catch(() => undefined);
}

/** Last quarter's evaluation cycle closed and this quarter's open (src/demo/evaluacion.ts); without a POA, none. */
async function evaluationCycles(wh: Warehouse): Promise<void> {
  try {
    const ciclos = await cargarCiclosDemo(wh, todayMx());
    for (const c of ciclos) console.log(`  ciclo de evaluación ${c.ejercicio} T${c.trimestre}: ${c.estado === 'cerrado' ? 'cerrado' : 'abierto'}`);
  } catch (e) {
    console.log(`  ciclos de evaluación: no se crearon (${e instanceof Error ? e.message : String(e)})`);
  }
}
