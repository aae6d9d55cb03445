import type { Config } from '../../config/index.js';
import { PIPELINES, findPipeline } from '../../../pipelines/registry.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import type { Progress } from '../../../pipelines/runner/types.js';
import { freshness, runsOf, type Ejecucion } from '../../api/queries/runs.js';
import { progressBar } from '../progress.js';
import { call, type Remote } from '../remote.js';
import { fail, withTarget } from '../target.js';
import { formatMx } from '../../core/time.js';

const fmt = (iso: string | null): string => (iso ? formatMx(iso) : '—');

function printRuns(runs: Ejecucion[]): void {
  if (runs.length === 0) return console.log('Sin ejecuciones.');
  for (const r of runs) {
    console.log(`${String(r.id).padStart(5)}  ${r.pipeline.padEnd(16)} ${r.estado.padEnd(8)} ${fmt(r.inicio).padEnd(18)} leídas ${r.filas_leidas}, cargadas ${r.filas_cargadas}, rechazadas ${r.filas_rechazadas}${r.error ? `  error: ${r.error}` : ''}`);
  }
}

export async function etlList(_a: string[], _o: unknown, config: Config): Promise<void> {
  await withTarget(
    config,
    async (wh) => {
      const vig = new Map((await freshness(wh, PIPELINES)).map((v) => [v.nombre, v]));
      for (const p of PIPELINES) {
        const v = vig.get(p.name);
        console.log(`${p.name.padEnd(16)} ${(p.schedule ?? 'a demanda').padEnd(14)} último: ${v?.ultimo_estado ?? '—'} ${fmt(v?.ultima_ejecucion ?? null)}${v?.vigente ? '' : ' (desactualizado)'}  ${p.titulo}`);
      }
    },
    async (r) => {
      const { status, data } = await call<Array<{ nombre: string; titulo: string; programacion: string | null; vigente: boolean; ejecuciones: Ejecucion[] }>>(r, 'GET', '/api/pipelines?limite=1');
      if (status !== 200) fail(`el servidor respondió ${status}`);
      for (const p of data) {
        const last = p.ejecuciones[0];
        console.log(`${p.nombre.padEnd(16)} ${(p.programacion ?? 'a demanda').padEnd(14)} último: ${last?.estado ?? '—'} ${fmt(last?.inicio ?? null)}${p.vigente ? '' : ' (desactualizado)'}  ${p.titulo}`);
      }
    },
  );
}

export async function etlHistory(args: string[], opts: { limite?: string }, config: Config): Promise<void> {
  const name = args[0] ?? null;
  if (name && !findPipeline(name)) fail(`no existe el proceso «${name}»`);
  const limit = Number(opts.limite ?? 20);
  await withTarget(
    config,
    async (wh) => printRuns(await runsOf(wh, name, limit)),
    async (r) => {
      const { status, data } = await call<Array<{ nombre: string; ejecuciones: Ejecucion[] }>>(r, 'GET', `/api/pipelines?limite=${limit}`);
      if (status !== 200) fail(`el servidor respondió ${status}`);
      const runs = data.filter((p) => !name || p.nombre === name).flatMap((p) => p.ejecuciones).sort((a, b) => b.id - a.id).slice(0, limit);
      printRuns(runs);
    },
  );
}

/** Asks the server to run a pipeline and follows its progress until it ends. */
async function runRemote(r: Remote, name: string): Promise<Ejecucion> {
  const { status, data } = await call<{ id: number; error?: string }>(r, 'POST', `/api/pipelines/${name}/ejecutar`);
  if (status !== 202 && status !== 409) fail(data.error ?? `el servidor respondió ${status}`);
  const bar = progressBar(name);
  try {
    for (;;) {
      const { data: run } = await call<Ejecucion>(r, 'GET', `/api/pipelines/${name}/ejecuciones/${data.id}`);
      if (run.estado !== 'en_curso') return run;
      if (run.progreso) bar.update(run.progreso as Progress);
      await new Promise((res) => setTimeout(res, 300));
    }
  } finally {
    bar.stop();
  }
}

export async function etlRun(args: string[], _o: unknown, config: Config, options: Record<string, string> = {}): Promise<void> {
  const target = args[0] ?? fail('indique el proceso: atalaya etl run <proceso>|all');
  const list = target === 'all' ? PIPELINES.filter((p) => !p.configured || p.configured()) : [findPipeline(target) ?? fail(`no existe el proceso «${target}»`)];
  const results: Array<Pick<Ejecucion, 'pipeline' | 'estado' | 'filas_cargadas' | 'filas_rechazadas' | 'error'>> = [];
  await withTarget(
    config,
    async (wh) => {
      for (const p of list) {
        const bar = progressBar(p.name);
        const r = await runPipeline(wh, p, { dataDir: config.dataDir, origen: 'cli', onProgress: bar.update, options }).finally(bar.stop);
        results.push({ pipeline: p.name, estado: r.estado, filas_cargadas: r.cargadas, filas_rechazadas: r.rechazadas, error: r.error });
      }
    },
    async (r) => {
      for (const p of list) results.push(await runRemote(r, p.name));
    },
  );
  for (const r of results) {
    console.log(`${r.pipeline}: ${r.estado === 'exito' ? 'éxito' : 'fallo'} — ${r.filas_cargadas} filas cargadas, ${r.filas_rechazadas} rechazadas${r.error ? ` — ${r.error}` : ''}`);
  }
  const failed = results.filter((r) => r.estado !== 'exito');
  if (failed.length) fail(`falló ${failed.map((f) => f.pipeline).join(', ')}: ${failed[0]!.error ?? 'sin detalle'}`);
}
