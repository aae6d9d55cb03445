/**
 * `npm run bench [nombre…]`: runs every bench/<nombre>.ts that exports `run()` (or only the ones named) and prints
 * what each reports. Benchmarks compare against a baseline measured in the same run; they are not tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const available = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.d.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
  for (const w of wanted) {
    if (!available.includes(w)) throw new Error(`no existe el benchmark «${w}»; disponibles: ${available.join(', ')}`);
  }
  let ran = 0;
  for (const name of wanted.length ? wanted : available) {
    const mod = (await import(pathToFileURL(path.join(DIR, `${name}.ts`)).href)) as { run?: () => Promise<unknown> };
    if (typeof mod.run !== 'function') continue;
    console.log(`\n=== ${name} ===`);
    await mod.run();
    ran++;
  }
  if (ran === 0) console.log('No hay benchmarks que ejecutar.');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`Error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    process.exit(1);
  },
);
