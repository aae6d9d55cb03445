import type { Config } from '../../config/index.js';
import { generateDemo } from '../../demo/index.js';
import { PIPELINES } from '../../../pipelines/registry.js';
import { etlRun } from './etl.js';

export async function demo(_a: string[], opts: { scale?: string; seed?: string; hoy?: string; 'solo-archivos'?: boolean }, config: Config): Promise<void> {
  const scale = opts.scale ? Number(opts.scale) : 1;
  if (!(scale > 0)) throw new Error('--scale debe ser un número positivo');
  await generateDemo(config, PIPELINES, { scale, seed: opts.seed ? Number(opts.seed) : undefined, today: opts.hoy }, (s) =>
    console.log(`generando ${s} (escala ${scale})`),
  );
  console.log(`Archivos de demostración escritos en ${config.dataDir}/inbox`);
  if (!opts['solo-archivos']) await etlRun(['all'], {}, config);
}
