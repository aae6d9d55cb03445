import { Warehouse } from '../src/db/warehouse.js';
import { defaultDesde, todayMx } from '../src/core/time.js';
import * as Q from "../src/domains/incidentes/queries.js";
import { REABIERTOS_SQL } from "../src/domains/incidentes/sql.js";
import { slaHoras } from '../src/domains/incidentes/settings.js';
const wh = await Warehouse.open(process.argv[2]!);
const hasta = todayMx(); const desde = defaultDesde(hasta);
const p = Q.params({ desde, hasta }, slaHoras.predeterminado);
const which = process.argv[3] ?? 'all';
const cases: Record<string, string> = { resumen: Q.RESUMEN_TOTAL_SQL, resumen_prio: Q.RESUMEN_PRIORIDAD_SQL, reabiertos: REABIERTOS_SQL, semanal: Q.SEMANAL_SQL, backlog: Q.BACKLOG_SQL, desglose: Q.DESGLOSE_SQL('categoria') };
for (const [k, sql] of Object.entries(cases)) {
  if (which !== 'all' && which !== k) continue;
  const ts: number[] = []; const cs: number[] = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); const c0 = process.cpuUsage(); await wh.all(sql, k === 'reabiertos' ? Object.fromEntries(Object.entries(p).filter(([x]) => !x.startsWith('sla'))) : p); ts.push(performance.now() - t); const c = process.cpuUsage(c0); cs.push((c.user + c.system) / 1000); }
  console.log(k, 'wall', ts.map((x) => x.toFixed(0)).join(' '), 'cpu', cs.map((x) => x.toFixed(0)).join(' '));
  if (process.argv[4] === 'explain') {
    const rows = await wh.all<{ explain_value: string }>('EXPLAIN ANALYZE ' + sql, p);
    console.log(Object.values(rows[0]!).join('\n'));
  }
}
wh.close();
