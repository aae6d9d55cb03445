import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/index.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { findPipeline } from '../../../pipelines/registry.js';
import type { Ejecucion } from '../../api/queries/runs.js';
import { call } from '../remote.js';
import { fail, withTarget } from '../target.js';

export async function importCartografia(args: string[], _o: unknown, config: Config): Promise<void> {
  const file = path.resolve(args[0] ?? fail('indique el archivo: atalaya import cartografia <archivo.geojson|.topojson>'));
  if (!fs.existsSync(file)) fail(`no existe el archivo ${file}`);
  const result = await withTarget(
    config,
    async (wh) => {
      const r = await runPipeline(wh, findPipeline('cartografia')!, { dataDir: config.dataDir, origen: 'cli', options: { archivo: file } });
      return { estado: r.estado, cargadas: r.cargadas, error: r.error };
    },
    async (r) => {
      const form = new FormData();
      form.set('archivo', new Blob([fs.readFileSync(file)]), path.basename(file));
      const { status, data } = await call<{ id: number; error?: string }>(r, 'POST', '/api/cartografia/importar', form);
      if (status !== 202) fail(data.error ?? `el servidor respondió ${status}`);
      for (;;) {
        const { data: run } = await call<Ejecucion>(r, 'GET', `/api/pipelines/cartografia/ejecuciones/${data.id}`);
        if (run.estado !== 'en_curso') return { estado: run.estado, cargadas: run.filas_cargadas, error: run.error };
        await new Promise((res) => setTimeout(res, 300));
      }
    },
  );
  if (result.estado !== 'exito') fail(`la cartografía no se importó: ${result.error}`);
  console.log(`Cartografía importada: ${result.cargadas} municipios.`);
}
