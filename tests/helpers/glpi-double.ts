/**
 * A local HTTP double of GLPI's REST API (apirest.php) as its documentation describes it: initSession with
 * App-Token and `Authorization: user_token …` → {session_token}; search/Ticket with criteria, forcedisplay,
 * sort and `range=a-b` → 200 (everything) or 206 (a page) with `Content-Range: a-b/total` and
 * {totalcount, count, data: [{"<searchoption id>": value}]}; errors as ["ERROR_CODE", "message"];
 * killSession. Knobs let a test expire a session, answer 500s, or stall.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type GlpiRow = Record<string, string | number | null>;

export interface GlpiDoubleOptions {
  appToken?: string;
  userToken?: string;
  tickets: GlpiRow[];
}

export interface GlpiDouble {
  url: string;
  /** Every request as "METHOD path?query". */
  requests: string[];
  /** Sessions opened so far. */
  sessionsOpened: () => number;
  /** Sessions killed so far. */
  sessionsKilled: () => number;
  /** After this many more search requests, the current sessions become invalid (expired). */
  expireSessionsAfter: (n: number) => void;
  /** After `skip` more good answers, the next n search requests answer 500 (Infinity = all of them). */
  failSearches: (n: number, skip?: number) => void;
  /** The next n search requests never answer (the client must time out). */
  stallSearches: (n: number) => void;
  /** Called before each search request is answered, with its number (1, 2 …): a test changes tickets mid-read. */
  beforeSearch: (fn: ((n: number) => void) | null) => void;
  tickets: GlpiRow[];
  close: () => Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};

export async function startGlpiDouble(opts: GlpiDoubleOptions): Promise<GlpiDouble> {
  const appToken = opts.appToken ?? 'app-token-prueba';
  const userToken = opts.userToken ?? 'user-token-prueba';
  const sessions = new Set<string>();
  let opened = 0;
  let killed = 0;
  let expireAfter: number | null = null;
  let failures = 0;
  let failSkip = 0;
  let stalls = 0;
  let searches = 0;
  let onSearch: ((n: number) => void) | null = null;
  const requests: string[] = [];
  const stalled: http.ServerResponse[] = [];
  const state = { tickets: opts.tickets };

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${u.pathname}${u.search}`);
    const path = u.pathname.replace(/^\/apirest\.php/, '').replace(/\/+$/, '');
    if (req.headers['app-token'] !== appToken) return json(res, 400, ['ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong']);

    if (path === '/initSession') {
      if (req.headers.authorization !== `user_token ${userToken}`) return json(res, 401, ['ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid']);
      const token = `sess-${++opened}`;
      sessions.add(token);
      return json(res, 200, { session_token: token });
    }
    const session = String(req.headers['session-token'] ?? '');
    if (!sessions.has(session)) return json(res, 401, ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid']);
    if (path === '/killSession') {
      sessions.delete(session);
      killed++;
      return json(res, 200, true);
    }
    if (path === '/search/Ticket') {
      onSearch?.(++searches);
      if (expireAfter !== null) {
        if (expireAfter === 0) {
          sessions.clear();
          expireAfter = null;
          return json(res, 401, ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid']);
        }
        expireAfter--;
      }
      if (stalls > 0) {
        stalls--;
        stalled.push(res);
        return;
      }
      if (failures > 0 && failSkip > 0) failSkip--;
      else if (failures > 0) {
        failures--;
        return json(res, 500, ['ERROR', 'Internal Server Error']);
      }
      // criteria[i][field|searchtype|value]: only what the connector uses (date_mod morethan).
      let rows = [...state.tickets];
      for (let i = 0; u.searchParams.has(`criteria[${i}][field]`); i++) {
        const field = u.searchParams.get(`criteria[${i}][field]`)!;
        const type = u.searchParams.get(`criteria[${i}][searchtype]`);
        const value = u.searchParams.get(`criteria[${i}][value]`) ?? '';
        if (type === 'morethan') rows = rows.filter((r) => String(r[field] ?? '') > value);
        else if (type === 'lessthan') rows = rows.filter((r) => String(r[field] ?? '') < value);
        else if (type === 'equals') rows = rows.filter((r) => String(r[field] ?? '') === value);
      }
      const sort = u.searchParams.get('sort') ?? '1';
      const desc = u.searchParams.get('order') === 'DESC';
      rows.sort((a, b) => {
        const x = a[sort];
        const y = b[sort];
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
        return desc ? -c : c;
      });
      const display = new Set(['1', '2', '80']);
      for (const [k, v] of u.searchParams) if (/^forcedisplay\[\d+\]$/.test(k)) display.add(v);
      const [start, end] = (u.searchParams.get('range') ?? '0-49').split('-').map(Number) as [number, number];
      const total = rows.length;
      if (total > 0 && start >= total) return json(res, 400, ['ERROR_RANGE_EXCEED_TOTAL', 'Provided range exceed total count of data']);
      const page = rows.slice(start, end + 1).map((r) => Object.fromEntries([...display].map((k) => [k, r[k] ?? null])));
      const last = page.length ? start + page.length - 1 : start;
      return json(res, page.length < total ? 206 : 200, { totalcount: total, count: page.length, sort: [Number(sort)], order: [desc ? 'DESC' : 'ASC'], data: page }, {
        'Content-Range': `${start}-${last}/${total}`,
        'Accept-Range': 'Ticket 990',
      });
    }
    return json(res, 400, ['ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM']);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/apirest.php`,
    requests,
    tickets: state.tickets,
    sessionsOpened: () => opened,
    sessionsKilled: () => killed,
    expireSessionsAfter: (n) => (expireAfter = n),
    failSearches: (n, skip = 0) => {
      failures = n;
      failSkip = skip;
    },
    stallSearches: (n) => (stalls = n),
    beforeSearch: (fn) => {
      searches = 0;
      onSearch = fn;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of stalled) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A GLPI Ticket search row (search option ids as keys) from readable fields. */
export function glpiTicket(t: {
  id: number; name: string; status: number; priority: number; urgency?: number; impact?: number; type?: number;
  category?: string; technician?: string; requesterGroup?: string; location?: string; date: string; solvedate?: string | null;
  closedate?: string | null; timeToResolve?: string | null; dateMod: string; takeIntoAccountS?: number;
}): GlpiRow {
  return {
    '2': t.id, '1': t.name, '12': t.status, '3': t.priority, '10': t.urgency ?? 3, '11': t.impact ?? 3, '14': t.type ?? 1,
    '7': t.category ?? null, '5': t.technician ?? null, '71': t.requesterGroup ?? null, '83': t.location ?? null,
    '15': t.date, '17': t.solvedate ?? null, '16': t.closedate ?? null, '18': t.timeToResolve ?? null, '19': t.dateMod,
    '150': t.takeIntoAccountS ?? 0, '80': 'Entidad raíz',
  };
}
