import fs from 'node:fs';
import { Warehouse } from '../src/db/warehouse.js';
const wh = await Warehouse.open(process.argv[2]!);
const sql = fs.readFileSync(process.argv[3]!, 'utf8');
for (const q of sql.split(';;')) { if (!q.trim()) continue;
  const ts: number[] = []; const cs: number[] = []; let r: unknown[] = [];
  for (let i = 0; i < 4; i++) { const t = performance.now(); const c0 = process.cpuUsage(); r = await wh.all(q); ts.push(performance.now() - t); const c = process.cpuUsage(c0); cs.push((c.user + c.system) / 1000); }
  console.log('wall', ts.map((x) => x.toFixed(0)).join(' '), 'cpu', cs.map((x) => x.toFixed(0)).join(' '), JSON.stringify(r.slice(0, 2)).slice(0, 150));
}
wh.close();
