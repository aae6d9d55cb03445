import type { Warehouse } from '../../db/warehouse.js';
import { tableExists } from '../../db/sql.js';
import { gauge, renderRegistry } from './registry.js';
import { cacheStats } from '../cache/index.js';

/** Runs by pipeline and state, with their durations and rows (the run log holds every run, CLI's included). */
const RUNS = `SELECT pipeline, estado, count(*)::INTEGER AS n,
    coalesce(sum(epoch_ms(fin) - epoch_ms(inicio)) FILTER (WHERE fin IS NOT NULL), 0)::DOUBLE AS ms,
    coalesce(sum(filas_leidas), 0)::DOUBLE AS leidas, coalesce(sum(filas_cargadas), 0)::DOUBLE AS cargadas,
    coalesce(sum(filas_rechazadas), 0)::DOUBLE AS rechazadas
  FROM ops.ejecuciones GROUP BY ALL ORDER BY ALL`;

/** The probes of the last hour by service and result, with their latency. */
const PROBES = `SELECT servicio_id AS servicio, ok, count(*)::INTEGER AS n,
    coalesce(avg(latencia_ms), 0)::DOUBLE AS media, coalesce(quantile_cont(latencia_ms, 0.95), 0)::DOUBLE AS p95
  FROM core.disp_verificaciones WHERE ts > now() - INTERVAL 1 HOUR GROUP BY ALL ORDER BY ALL`;

const ALERTS = `SELECT estado, severidad, count(*)::INTEGER AS n FROM app.alertas GROUP BY ALL ORDER BY ALL`;
const NOTICES = `SELECT estado, count(*)::INTEGER AS n FROM app.alertas_avisos GROUP BY ALL ORDER BY ALL`;

/** Everything /metrics shows: the process's own counters and what the warehouse holds, in Prometheus text format. */
export async function renderMetrics(wh: Warehouse): Promise<string> {
  const cache = cacheStats();
  const out: string[] = [renderRegistry()];

  const runs = await wh.all<{ pipeline: string; estado: string; n: number; ms: number; leidas: number; cargadas: number; rechazadas: number }>(RUNS);
  out.push(gauge('atalaya_ejecuciones_total', 'Ejecuciones registradas por proceso y estado (en_curso, exito, fallo).',
    runs.map((r) => ({ labels: { pipeline: r.pipeline, estado: r.estado }, value: r.n })), 'counter'));
  out.push(gauge('atalaya_ejecuciones_duracion_ms_total', 'Suma de la duración de las ejecuciones terminadas, en milisegundos.',
    runs.filter((r) => r.estado !== 'en_curso').map((r) => ({ labels: { pipeline: r.pipeline, estado: r.estado }, value: r.ms })), 'counter'));
  const rows = (field: 'leidas' | 'cargadas' | 'rechazadas') => {
    const by = new Map<string, number>();
    for (const r of runs) by.set(r.pipeline, (by.get(r.pipeline) ?? 0) + r[field]);
    return [...by].map(([pipeline, value]) => ({ labels: { pipeline }, value }));
  };
  out.push(gauge('atalaya_filas_leidas_total', 'Filas leídas por las ejecuciones de cada proceso.', rows('leidas'), 'counter'));
  out.push(gauge('atalaya_filas_cargadas_total', 'Filas cargadas al almacén por cada proceso.', rows('cargadas'), 'counter'));
  out.push(gauge('atalaya_filas_cuarentena_total', 'Filas rechazadas (en cuarentena) por cada proceso.', rows('rechazadas'), 'counter'));

  if (await tableExists(wh, 'core.disp_verificaciones')) {
    const probes = await wh.all<{ servicio: string; ok: boolean; n: number; media: number; p95: number }>(PROBES);
    out.push(gauge('atalaya_sondeos_ultima_hora', 'Verificaciones de disponibilidad de la última hora por servicio y resultado.',
      probes.map((p) => ({ labels: { servicio: p.servicio, resultado: p.ok ? 'ok' : 'falla' }, value: p.n }))));
    out.push(gauge('atalaya_sondeo_latencia_media_ms', 'Latencia media de las verificaciones de la última hora, en milisegundos.',
      probes.filter((p) => p.ok).map((p) => ({ labels: { servicio: p.servicio }, value: Number(p.media.toFixed(2)) }))));
    out.push(gauge('atalaya_sondeo_latencia_p95_ms', 'Percentil 95 de la latencia de las verificaciones de la última hora, en milisegundos.',
      probes.filter((p) => p.ok).map((p) => ({ labels: { servicio: p.servicio }, value: Number(p.p95.toFixed(2)) }))));
  }
  if (await tableExists(wh, 'app.alertas')) {
    const alerts = await wh.all<{ estado: string; severidad: string; n: number }>(ALERTS);
    out.push(gauge('atalaya_alertas', 'Alertas por estado (activa, resuelta) y severidad.', alerts.map((a) => ({ labels: { estado: a.estado, severidad: a.severidad }, value: a.n }))));
  }
  if (await tableExists(wh, 'app.alertas_avisos')) {
    const notices = await wh.all<{ estado: string; n: number }>(NOTICES);
    out.push(gauge('atalaya_alertas_avisos', 'Avisos de alertas por estado (pendiente, enviado, fallido…).', notices.map((a) => ({ labels: { estado: a.estado }, value: a.n }))));
  }

  const mem = process.memoryUsage();
  out.push(gauge('atalaya_memoria_bytes', 'Memoria del proceso del servidor (rss, heap de JavaScript, externa).', [
    { labels: { tipo: 'rss' }, value: mem.rss }, { labels: { tipo: 'heap_usado' }, value: mem.heapUsed }, { labels: { tipo: 'heap_total' }, value: mem.heapTotal }, { labels: { tipo: 'externa' }, value: mem.external },
  ]));
  const duck = await wh.all<{ etiqueta: string; bytes: number }>(
    'SELECT tag AS etiqueta, memory_usage_bytes::DOUBLE AS bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY tag',
  );
  out.push(gauge('atalaya_duckdb_memoria_bytes', 'Memoria que DuckDB tiene en uso, por etiqueta (búfer de datos, tablas hash…).',
    duck.map((d) => ({ labels: { etiqueta: d.etiqueta }, value: d.bytes }))));
  const q = wh.readQueue;
  out.push(gauge('atalaya_lectores', 'Conexiones de lectura del almacén: tamaño del grupo, ocupadas y lecturas en espera.', [
    { labels: { tipo: 'tamano' }, value: q.size }, { labels: { tipo: 'ocupadas' }, value: q.busy }, { labels: { tipo: 'en_espera' }, value: q.waiting },
  ]));
  if (cache) {
    out.push(gauge('atalaya_cache_bytes', 'Bytes que ocupa la caché de respuestas.', [{ value: cache.bytes }]));
    out.push(gauge('atalaya_cache_entradas', 'Respuestas guardadas en la caché.', [{ value: cache.size }]));
  }
  return `${out.join('\n')}\n`;
}
