/**
 * Data versions: a counter per dataset, bumped after every commit that may change what it holds. A cached answer
 * is keyed by the versions of the datasets it reads, so it is never served after a commit that changed them.
 * Separate datasets keep frequent writes that no cached answer reads (sessions, audit) or that only some read
 * (the uptime writer's batches) from invalidating everything.
 */
export type Dataset = 'datos' | 'sondeos' | 'sesiones' | 'auditoria' | 'alertas';

export class DataVersions {
  private v = new Map<Dataset, number>();

  /** Called after the commit (never before: a read in between would cache old data under the new version). */
  bump(ds: Dataset): void {
    this.v.set(ds, (this.v.get(ds) ?? 0) + 1);
  }

  get(ds: Dataset): number {
    return this.v.get(ds) ?? 0;
  }

  /** One string for the versions of the given datasets, to key a cached answer. */
  key(datasets: readonly Dataset[]): string {
    return datasets.map((d) => `${d}${this.get(d)}`).join('.');
  }
}
