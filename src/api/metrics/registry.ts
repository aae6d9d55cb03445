/**
 * In-process metrics in Prometheus' text format (version 0.0.4): counters and histograms with labels. Only what the
 * process itself observes (requests, cache); what the warehouse holds (runs, probes, alerts) is read at scrape time.
 */
type Labels = Record<string, string>;

const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (l: Labels): string => {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const keyOf = (l: Labels): string => JSON.stringify(Object.entries(l).sort(([a], [b]) => a.localeCompare(b)));

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private values = new Map<string, { labels: Labels; n: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, n = 1): void {
    const k = keyOf(labels);
    const e = this.values.get(k);
    if (e) e.n += n;
    else this.values.set(k, { labels, n });
  }

  value(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.n ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, n } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${n}`);
    return lines.join('\n');
  }
}

export class Histogram implements Metric {
  private values = new Map<string, { labels: Labels; counts: number[]; sum: number; n: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}

  observe(labels: Labels, v: number): void {
    const k = keyOf(labels);
    let e = this.values.get(k);
    if (!e) this.values.set(k, (e = { labels, counts: this.buckets.map(() => 0), sum: 0, n: 0 }));
    this.buckets.forEach((b, i) => {
      if (v <= b) e.counts[i]!++;
    });
    e.sum += v;
    e.n++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, n } of this.values.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(b) })} ${counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${n}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${Number(sum.toFixed(3))}`);
      lines.push(`${this.name}_count${labelText(labels)} ${n}`);
    }
    return lines.join('\n');
  }
}

/** A gauge whose samples are given at render time. */
export function gauge(name: string, help: string, samples: Array<{ labels?: Labels; value: number }>, type: 'gauge' | 'counter' = 'gauge'): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const s of samples) lines.push(`${name}${labelText(s.labels ?? {})} ${Number.isFinite(s.value) ? s.value : 0}`);
  return lines.join('\n');
}

const MS_BUCKETS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

/** The process's metrics. One set per process: every API instance in it adds to the same counters. */
export const METRICS = {
  requests: new Counter('atalaya_http_solicitudes_total', 'Solicitudes HTTP a la API por método, ruta (patrón) y estado.'),
  latency: new Histogram('atalaya_http_duracion_ms', 'Duración de las solicitudes a la API en milisegundos, por ruta (patrón).', MS_BUCKETS),
  cache: new Counter('atalaya_cache_total', 'Lecturas de la caché de respuestas: acierto, fallo o 304 (no modificado).'),
  runs: new Counter('atalaya_ejecuciones_proceso_total', 'Ejecuciones de procesos terminadas en este proceso, por proceso y estado.'),
  runDuration: new Histogram('atalaya_ejecucion_duracion_ms', 'Duración de las ejecuciones de procesos terminadas en este proceso, por estado.', [100, 500, 1000, 5000, 15000, 60000, 300000]),
};

export function renderRegistry(): string {
  return Object.values(METRICS).map((m) => m.render()).join('\n');
}
