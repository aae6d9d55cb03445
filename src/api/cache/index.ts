import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from '../context.js';
import type { Dataset } from '../../db/versions.js';
import { METRICS } from '../metrics/registry.js';
import { ByteLru } from './lru.js';
import { chooseEncoding, compressBytes, COMPRESS_MIN_BYTES, type Encoding } from './encoding.js';

/**
 * GET answers cached by data version. The key holds the route and its parameters, the caller's scope (role and
 * area: every answer under a cached prefix depends on nothing else of the caller) and the versions of the datasets
 * the route reads, taken before the handler runs: a commit bumps its dataset's version after it lands, so an
 * answer computed before it is never served after it (src/db/versions.ts). A time limit bounds figures that
 * depend on the clock (vigencia, ventanas «últimas 24 h»). Answers carry a weak ETag of their bytes and an
 * If-None-Match that matches answers 304; bodies over 1 kB go brotli or gzip, compressed once per entry.
 *
 * One exception to «wait for the new answer»: when only the probes' dataset moved on (a batch of checks every few
 * seconds) and the new answer is being computed for someone else, a request gets the answer of the previous batch
 * (at most PROBE_GRACE_MS old) instead of queueing behind the computation. A commit of any other dataset never
 * takes this path.
 */
export interface CacheOptions {
  maxBytes: number;
  ttlMs: number;
  /** Path prefixes under /api whose GET answers are cached, each with the datasets it reads. */
  routes: ReadonlyArray<{ prefix: string; datasets: readonly Dataset[] }>;
}

/** How old an answer of a previous probe batch may be and still be served while the new one is computed. */
const PROBE_GRACE_MS = 30_000;

interface Entry {
  /** Versions of the datasets other than the probes', when it was computed. */
  settled: string;
  at: number;
  /** The handler's own headers (a total count, a file name…), kept with the body. */
  extra: Array<[string, string]>;
  body: Buffer;
  type: string;
  etag: string;
  expires: number;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  bytes: number;
}

export function cacheOptions(routes: CacheOptions['routes'], env: NodeJS.ProcessEnv = process.env): CacheOptions {
  const mb = Number(env.ATALAYA_CACHE_MB?.trim() || 32);
  const ttl = Number(env.ATALAYA_CACHE_TTL_S?.trim() || 60);
  return {
    maxBytes: Math.max(0, Number.isFinite(mb) ? mb : 32) * 1024 * 1024,
    ttlMs: Math.max(0, Number.isFinite(ttl) ? ttl : 60) * 1000,
    routes,
  };
}

/** Headers the cache sets itself (or that describe one encoding of the body), not kept from the handler's answer. */
const OWN_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'vary', 'set-cookie', 'transfer-encoding', 'x-request-id']);

/** Files (reports, spreadsheets, CSV) go as the handler makes them. */
const DOWNLOAD = /\.(pdf|xlsx|csv)$/i;

const etagOf = (body: Buffer): string => `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** Whether an If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** The path and its parameters in a stable order. */
function routeKey(url: string): string {
  const u = new URL(url);
  u.searchParams.sort();
  return `${u.pathname}?${u.searchParams.toString()}`;
}

/** The cache of the API this process serves (the last one created), for /metrics. */
let current: ByteLru<Entry> | null = null;
export const cacheStats = (): { bytes: number; size: number } | null => (current ? { bytes: current.bytes, size: current.size } : null);

/**
 * The JSON text of the answer the handler makes with `c.json`, kept beside the Response built from it: the cache
 * takes its bytes from the text instead of reading the Response back, which encodes the text into a stream and
 * concatenates the stream again (two more copies of every answer; 300 kB each for the services page). Only when the
 * Response that leaves the handler is that very one; otherwise (another answer, headers merged into a copy) the
 * Response is read as before.
 */
function captureJson(c: Context<Env>): { response: Response | null; text: string } {
  const made = { response: null as Response | null, text: '' };
  const json = ((object: unknown, arg?: number | ResponseInit, headers?: Record<string, string>) => {
    made.text = JSON.stringify(object);
    // What Hono's own c.json does: the text with a JSON content type unless the caller set another.
    made.response = c.body(made.text, arg as never, { 'Content-Type': 'application/json', ...headers });
    return made.response;
  }) as unknown as typeof c.json;
  c.json = json;
  return made;
}

export function responseCache(opts: CacheOptions): MiddlewareHandler<Env> & { lru: ByteLru<Entry> } {
  const lru = new ByteLru<Entry>(opts.maxBytes);
  current = lru;
  const inflight = new Map<string, Promise<Entry | null>>();
  /** The computation under way of each scope and route that reads the probes, with its other datasets' versions. */
  const computing = new Map<string, { settled: string; done: Promise<Entry | null> }>();
  /** The newest entry of each scope and route, whatever its versions (entries themselves are counted in lru). */
  const newest = new ByteLru<Entry>(500);
  /** Scopes and paths (whatever the parameters) whose last answer could not be cached (a file, a refusal). */
  const uncacheable = new ByteLru<true>(20_000);
  /** The key of the newest answer stored for each scope and route, and when that key was made (`keysMade`). */
  const lastKey = new ByteLru<{ key: string; started: number }>(20_000);
  let keysMade = 0;

  const send = async (entry: Entry, accept: string | undefined, ifNoneMatch: string | undefined, hit: boolean): Promise<Response> => {
    const headers: Record<string, string> = {
      ...Object.fromEntries(entry.extra),
      'Content-Type': entry.type,
      ETag: entry.etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Accept-Encoding, Cookie, Authorization',
      'X-Atalaya-Cache': hit ? 'acierto' : 'fallo',
    };
    if (matches(ifNoneMatch, entry.etag)) {
      METRICS.cache.inc({ resultado: 'no_modificado' });
      return new Response(null, { status: 304, headers });
    }
    const enc = entry.body.length >= COMPRESS_MIN_BYTES ? chooseEncoding(accept) : null;
    let body = entry.body;
    if (enc) {
      body = await (entry.encoded[enc] ??= compressBytes(entry.body, enc));
      headers['Content-Encoding'] = enc;
    }
    headers['Content-Length'] = String(body.length);
    return new Response(body as unknown as ArrayBuffer, { status: 200, headers });
  };

  const middleware: MiddlewareHandler<Env> = async (c, next) => {
    const route = c.req.method === 'GET' && opts.maxBytes > 0 && !DOWNLOAD.test(c.req.path)
      ? opts.routes.find((r) => c.req.path === r.prefix || c.req.path.startsWith(`${r.prefix}/`))
      : undefined;
    const user = c.get('user');
    if (!route || !user) return next();
    const { wh } = c.get('ctx');
    const base = `${user.rol}|${user.area ?? ''}|${routeKey(c.req.url)}`;
    const settled = wh.versions.key(route.datasets.filter((d) => d !== 'sondeos'));
    const key = `${wh.versions.key(route.datasets)}|${base}`;
    // Versions are read when the key is made: a key made later names data at least as new.
    const started = ++keysMade;
    const accept = c.req.header('accept-encoding');
    const ifNoneMatch = c.req.header('if-none-match');

    const cached = lru.get(key);
    if (cached && cached.expires > Date.now()) {
      METRICS.cache.inc({ resultado: 'acierto' });
      return send(cached, accept, ifNoneMatch, true);
    }
    // Concurrent misses of one key compute it once; the others wait for that answer.
    // Concurrent askers wait for the one computation, unless this path's last answer for this scope could not be
    // cached (a download, a refusal): those must not make the others wait in line behind them. Not the other way
    // round (wait only once an answer is known cacheable): 50 users opening a fresh server at once would each
    // compute every figure while the first computation of it runs.
    const shape = `${user.rol}|${user.area ?? ''}|${c.req.path}`;
    const pending = uncacheable.get(shape) ? undefined : inflight.get(key);
    // Past its time limit but with the same data: served while someone else computes it again.
    if (pending && cached) {
      METRICS.cache.inc({ resultado: 'acierto_vencida' });
      return send(cached, accept, ifNoneMatch, true);
    }
    const previous = newest.get(base);
    if (pending && previous && previous.settled === settled && Date.now() - previous.at < PROBE_GRACE_MS) {
      METRICS.cache.inc({ resultado: 'acierto_lote_anterior' });
      return send(previous, accept, ifNoneMatch, true);
    }
    if (pending) {
      const entry = await pending;
      if (entry) {
        METRICS.cache.inc({ resultado: 'acierto' });
        return send(entry, accept, ifNoneMatch, true);
      }
      return next();
    }
    // A newer probe batch while the answer of an earlier one is still being computed (a slow machine, batches every
    // few seconds): one computation at a time per route and scope, or they pile up and starve every other read.
    const earlier = uncacheable.get(shape) ? undefined : computing.get(base);
    if (earlier && earlier.settled === settled) {
      const entry = previous && previous.settled === settled && Date.now() - previous.at < PROBE_GRACE_MS ? previous : await earlier.done;
      if (entry) {
        METRICS.cache.inc({ resultado: 'acierto_lote_anterior' });
        return send(entry, accept, ifNoneMatch, true);
      }
    }
    METRICS.cache.inc({ resultado: 'fallo' });
    let settle!: (e: Entry | null) => void;
    const done = new Promise<Entry | null>((r) => (settle = r));
    inflight.set(key, done);
    const mine = { settled, done };
    if (route.datasets.includes('sondeos')) computing.set(base, mine);
    let entry: Entry | null = null;
    const made = captureJson(c);
    try {
      await next();
      const res = c.res;
      const type = res.headers.get('content-type') ?? '';
      if (res.status === 200 && /^application\/json/i.test(type) && !res.headers.has('set-cookie') && !res.headers.has('content-encoding')) {
        const body = made.response === res ? Buffer.from(made.text) : Buffer.from(await res.arrayBuffer());
        const extra = [...res.headers].filter(([k]) => !OWN_HEADERS.has(k.toLowerCase()));
        entry = { settled, at: Date.now(), extra, body, type, etag: etagOf(body), expires: Date.now() + opts.ttlMs, encoded: {}, bytes: body.length + key.length };
        uncacheable.delete(shape);
        if (route.datasets.includes('sondeos')) newest.set(base, entry, 1);
        // The answer of an earlier data version of this route and scope is never asked for again (versions only
        // grow): dropped now rather than left to age out of the LRU. Kept until the LRU filled, the superseded
        // answers of a page recomputed at every probe batch (300 kB each at 1,000 services) made V8 collect the
        // whole heap every few requests: p95 of the services page 32 → 20 ms (npm run bench disponibilidad).
        // Two computations of different versions may end out of order: the one that began later is kept (the
        // other still answers the requests that waited for it).
        const last = lastKey.get(base);
        if (!last || last.started < started) {
          if (last && last.key !== key) lru.delete(last.key);
          lastKey.set(base, { key, started }, 1);
          // Room for the compressed copies too (a fraction of the body).
          lru.set(key, entry, entry.bytes + Math.ceil(body.length / 3));
        }
        // Replace the answer without the handler's headers (a longer Cache-Control would skip revalidation).
        c.res = undefined as never;
        c.res = await send(entry, accept, ifNoneMatch, false);
      } else {
        uncacheable.set(shape, true, 1);
      }
    } finally {
      inflight.delete(key);
      if (computing.get(base) === mine) computing.delete(base);
      settle(entry);
    }
  };
  return Object.assign(middleware, { lru });
}
