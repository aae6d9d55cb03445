import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../src/db/warehouse.js';

/** Column types of the source contracts (../shared/contracts/README.md). */
export type ColumnType = 'text' | 'int' | 'bigint' | 'number' | 'date' | 'datetime' | 'bool';

export interface Column {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** Accepted values, compared without regard to case, accents or surrounding spaces. */
  values?: readonly string[];
  /** Inclusive numeric range for int/number columns. */
  range?: readonly [number, number];
}

/** One table of a source: its columns and the key that says which rows a later file replaces. */
export interface TableContract {
  table: string;
  /** Core table the rows are merged into, e.g. core.tickets. */
  target: string;
  columns: readonly Column[];
  /** Columns (contract or derived) that say which rows a later file replaces. */
  key: readonly string[];
  /** Columns computed from the typed ones and stored in core, e.g. { anio: 'year(fecha_inicio)' }. */
  derived?: Readonly<Record<string, string>>;
  /**
   * Replaces the default merge (delete by key, insert with lineage columns) for a target that needs its own, such
   * as a catalogue updated in place. Runs inside the run's transaction; may quarantine rows of its own.
   */
  merge?: (c: DuckDBConnection, rows: StagedRows, run: RunRef) => Promise<{ cargadas: number; rechazadas: number }>;
  /** false: no checks are derived from this contract (a table too large to scan on every run, e.g. raw probe checks). */
  checked?: false;
}

/** The validated rows of one input, as a custom merge sees them. */
export interface StagedRows {
  /** SQL subquery: the good rows, typed contract columns plus `_fila` (their spreadsheet row number). */
  good: string;
  /** What quarantine rows name as the file, and the sheet of a workbook. */
  archivo: string;
  hoja: string | null;
}

export interface RunRef {
  runId: number;
  pipeline: string;
}

export type Check =
  /** `integer`: one integer column (repeats are counted with a bitmap first: repeated.ts). */
  | { kind: 'unique'; table: string; columns: readonly string[]; integer?: boolean }
  | { kind: 'not_null'; table: string; column: string }
  | { kind: 'relationship'; table: string; column: string; ref: string; refColumn: string; where?: string }
  | { kind: 'accepted_values'; table: string; column: string; values: readonly string[] }
  | { kind: 'freshness'; table: string; column: string; maxHours: number };

export interface RunContext {
  wh: Warehouse;
  dataDir: string;
  runId: number;
  pipeline: string;
  progress: (p: Progress) => void;
  signal?: AbortSignal;
  /** Extra options a caller passed (for example the file of `import cartografia <file>`). */
  options: Record<string, string>;
}

export interface Progress {
  fase: string;
  hechos: number;
  total: number | null;
}

/** Rows read from an HTTP source, as text by contract column, in order. */
export type RecordBatch = Array<Record<string, string | null>>;

export interface HttpSource {
  kind: 'http';
  table: string;
  /** Yields pages of records; throws TransientError for errors worth retrying. */
  fetch: (ctx: RunContext) => AsyncIterable<RecordBatch>;
  /** Label stored as the "archivo" of quarantined rows. */
  label: string;
  /**
   * Runs inside the load transaction after the merge, even when the read brought nothing: `readStartedAt` is when
   * the read that produced these records began (an incremental source keeps it as its next watermark).
   */
  afterLoad?: (c: DuckDBConnection, ctx: RunContext, readStartedAt: Date) => Promise<void>;
}

export interface FileSource {
  kind: 'files';
}

/** A source that loads itself inside the run's transaction (cartography, probes, catalogues). */
export interface CustomSource {
  kind: 'custom';
  load: (c: DuckDBConnection, ctx: RunContext) => Promise<LoadCounts>;
}

export interface LoadCounts {
  leidas: number;
  cargadas: number;
  rechazadas: number;
}

export interface Pipeline {
  name: string;
  /** Spanish title for the dashboard. */
  titulo: string;
  /** node-cron expression; null = run only on demand. */
  schedule: string | null;
  /** Hours after which the last success is stale. */
  freshnessHours: number;
  /** File pipelines read $ATALAYA_DATA_DIR/inbox/<name>/; others declare their source. */
  source: FileSource | HttpSource | CustomSource;
  tables: readonly TableContract[];
  /** SQL run after the merge, inside the same transaction (derived core/mart tables); THIS_RUN_ID (run-id.ts) is the run's id. */
  transform?: readonly string[];
  /**
   * Work of a file pipeline inside the run's transaction after its files merged and before `transform`, on every
   * run (with or without new files): e.g. the uptime rollups. Its counts add to the run's.
   */
  afterFiles?: (c: DuckDBConnection, ctx: RunContext) => Promise<LoadCounts>;
  checks: readonly Check[];
  /** False when the source is not configured (e.g. no GLPI URL): start-up skips it. Absent = always configured. */
  configured?: () => boolean;
  /** Whether `npm start` with the demo runs it once. */
  demo?: (ctx: DemoContext) => Promise<void>;
}

export interface DemoContext {
  dataDir: string;
  inbox: (pipeline: string) => string;
  seed: number;
  scale: number;
  /** "Today" for the generated history (ISO date). */
  today: string;
  geoDir: string;
  publicUrl: string;
}

export class TransientError extends Error {}

/** A file or its header cannot be used at all: reported, nothing of it loads. */
export class RejectedFileError extends Error {}
