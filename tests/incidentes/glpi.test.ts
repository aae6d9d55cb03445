import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addSeconds, glpiLocalTime, GLPI_WATERMARK_KEY } from '../../pipelines/glpi/client.js';
import { glpiPipeline } from '../../pipelines/glpi/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { glpiTicket, startGlpiDouble, type GlpiDouble } from '../helpers/glpi-double.js';
import { tempWarehouse } from '../helpers/warehouse.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
let glpi: GlpiDouble;
const ENV = ['ATALAYA_GLPI_URL', 'ATALAYA_GLPI_APP_TOKEN', 'ATALAYA_GLPI_USER_TOKEN', 'ATALAYA_GLPI_PAGE_SIZE', 'ATALAYA_GLPI_TIMEOUT_MS'];
const saved: Record<string, string | undefined> = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));

// 7 tickets, modified on 01/03 (GLPI local time); page size 3 → pages 0-2, 3-5, 6-8.
const TICKETS = Array.from({ length: 7 }, (_, i) => glpiTicket({
  id: 500 + i, name: `Ticket ${i}`, status: i % 2 ? 2 : 1, priority: 3, category: 'Red y conectividad > VPN',
  requesterGroup: 'OPLE > UTSI', location: i === 0 ? 'Consejos > M087' : 'Edificio central', technician: i % 2 ? 'tec01' : undefined,
  date: `2026-03-0${1 + (i % 5)} 09:00:00`, takeIntoAccountS: i % 2 ? 5400 : 0, dateMod: `2026-03-01 1${i}:00:00`,
}));

const run = (retry = { retries: 2, baseMs: 10 }) => runPipeline(tmp.wh, glpiPipeline, { dataDir: tmp.dataDir, retry });
const count = async (): Promise<number> => (await tmp.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.tickets'))!.n;
const searches = (): string[] => glpi.requests.filter((r) => r.includes('/search/Ticket'));
const watermark = async (): Promise<string | undefined> =>
  (await tmp.wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]))?.valor;

beforeAll(async () => {
  tmp = await tempWarehouse();
  glpi = await startGlpiDouble({ tickets: TICKETS });
});
afterAll(async () => {
  for (const k of ENV) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  await glpi?.close();
  tmp?.close();
});
afterEach(() => {
  glpi.requests.length = 0;
});

function configure(): void {
  process.env.ATALAYA_GLPI_URL = glpi.url;
  process.env.ATALAYA_GLPI_APP_TOKEN = 'app-token-prueba';
  process.env.ATALAYA_GLPI_USER_TOKEN = 'user-token-prueba';
  process.env.ATALAYA_GLPI_PAGE_SIZE = '3';
  process.env.ATALAYA_GLPI_TIMEOUT_MS = '400';
}

describe('GLPI connector against the API double', () => {
  it('without configuration the run fails with a Spanish message and loads nothing', async () => {
    for (const k of ENV) delete process.env[k];
    expect(glpiPipeline.configured?.()).toBe(false);
    const r = await run();
    expect(r.estado).toBe('fallo');
    expect(r.error).toContain('La API de GLPI no está configurada');
    expect(await count()).toBe(0);
  });

  it('reads 3 pages with range and Content-Range, maps GLPI fields into core.tickets, kills the session', async () => {
    configure();
    const r = await run();
    expect(r.error).toBeNull();
    expect([r.estado, r.leidas, r.cargadas, r.rechazadas]).toEqual(['exito', 7, 7, 0]);
    const s = searches();
    expect(s).toHaveLength(3);
    expect(s.map((q) => new URL(q.split(' ')[1]!, 'http://x').searchParams.get('range'))).toEqual(['0-2', '3-5', '6-8']);
    expect(s[0]).toContain('forcedisplay');
    expect(glpi.sessionsKilled()).toBe(glpi.sessionsOpened());
    const t = await tmp.wh.all<Record<string, unknown>>(
      `SELECT id, estado, tipo, categoria, area_solicitante, clave_odes, tecnico, strftime(fecha_apertura, '%Y-%m-%d %H:%M') AS ap,
              strftime(fecha_asignacion, '%Y-%m-%d %H:%M') AS asig FROM core.tickets WHERE id IN (500, 501) ORDER BY id`);
    expect(t).toEqual([
      { id: 500, estado: 'nuevo', tipo: 'incidente', categoria: 'VPN', area_solicitante: 'UTSI', clave_odes: 'M087', tecnico: null, ap: '2026-03-01 09:00', asig: null },
      // takeintoaccount_delay_stat 5400 s → assigned 1.5 h after opening
      { id: 501, estado: 'asignado', tipo: 'incidente', categoria: 'VPN', area_solicitante: 'UTSI', clave_odes: null, tecnico: 'tec01', ap: '2026-03-02 09:00', asig: '2026-03-02 10:30' },
    ]);
  });

  it('keeps as its watermark when the read began, in GLPI local time (not the newest date_mod read)', async () => {
    configure();
    await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
    const before = glpiLocalTime(new Date());
    const r = await run();
    const after = glpiLocalTime(new Date());
    expect(r.estado).toBe('exito');
    const wm = JSON.parse((await watermark())!) as string;
    expect(wm).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(wm >= before && wm <= after).toBe(true);
    // The newest date_mod among the tickets is 2026-03-01 16:00:00, long before.
    expect(wm > '2026-03-01 16:00:00').toBe(true);
  });

  it('is incremental: the next run asks only for what changed since the previous read began, minus the overlap', async () => {
    configure();
    const wm = JSON.parse((await watermark())!) as string;
    // GLPI stamps a change with its current time.
    glpi.tickets[1] = { ...glpi.tickets[1]!, '12': 5, '17': '2026-03-03 09:00:00', '19': glpiLocalTime(new Date()) };
    const r = await run();
    // Only ticket 501 changed since (the others date from 01/03); the merge by id is idempotent anyway.
    expect([r.estado, r.leidas, r.cargadas]).toEqual(['exito', 1, 1]);
    const q = new URL(searches()[0]!.split(' ')[1]!, 'http://x').searchParams;
    expect([q.get('criteria[0][field]'), q.get('criteria[0][searchtype]'), q.get('criteria[0][value]')]).toEqual(['19', 'morethan', addSeconds(wm, -120)]);
    const h = await tmp.wh.all<{ estado: string }>('SELECT estado FROM core.tickets_estados WHERE id = 501 ORDER BY orden');
    expect(h.map((x) => x.estado)).toEqual(['asignado', 'resuelto']);
    // The assignment date stays (GLPI still reports the delay; the history keeps it anyway).
    const t = await tmp.wh.one<{ asig: string }>(`SELECT strftime(fecha_asignacion, '%H:%M') AS asig FROM core.tickets WHERE id = 501`);
    expect(t?.asig).toBe('10:30');
  });

  it('an expired session (401 ERROR_SESSION_TOKEN_INVALID) is re-opened once and the read goes on', async () => {
    configure();
    await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
    const before = glpi.sessionsOpened();
    glpi.expireSessionsAfter(1);
    const r = await run();
    expect([r.estado, r.leidas]).toEqual(['exito', 7]);
    // page 1 ok, page 2 → 401, new session, page 2 and 3 ok
    expect(glpi.sessionsOpened() - before).toBe(2);
    expect(searches()).toHaveLength(4);
  });

  it('a 500 is retried with backoff; when it persists the run fails and nothing of it is loaded', async () => {
    configure();
    await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
    // one 500 on the second page: the whole read is retried and succeeds
    glpi.failSearches(1, 1);
    const ok = await run();
    expect([ok.estado, ok.leidas]).toEqual(['exito', 7]);
    expect(searches()).toHaveLength(2 + 3);
    glpi.requests.length = 0;

    await tmp.wh.exec('DELETE FROM core.tickets');
    await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
    // first page fine, then 500 for ever: attempt 1 reads page 1 and fails on page 2, attempts 2 and 3 fail on
    // page 1 → 4 searches; the run fails and nothing is loaded
    glpi.failSearches(Infinity, 1);
    const r = await run();
    glpi.failSearches(0);
    expect(r.estado).toBe('fallo');
    expect(r.error).toContain('500');
    expect(searches()).toHaveLength(4);
    expect(await count()).toBe(0);
    expect(await tmp.wh.one('SELECT valor FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY])).toBeUndefined();
    const runs = await tmp.wh.one<{ estado: string; filas_cargadas: number }>(`SELECT estado, filas_cargadas FROM ops.ejecuciones WHERE id = $1`, [r.id]);
    expect(runs).toEqual({ estado: 'fallo', filas_cargadas: 0 });
  });

  it('a timeout is retried and then fails the run without loading', async () => {
    configure();
    glpi.stallSearches(Infinity);
    const r = await run({ retries: 1, baseMs: 10 });
    glpi.stallSearches(0);
    expect(r.estado).toBe('fallo');
    expect(r.error).toContain('no respondió');
    expect(searches()).toHaveLength(2);
    expect(await count()).toBe(0);
  });

  it('a ticket changed while a long read is in progress is picked up by the next run; re-reading the overlap changes nothing', async () => {
    configure();
    await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
    await tmp.wh.exec('DELETE FROM core.tickets_estados');
    await tmp.wh.exec('DELETE FROM core.tickets');
    const earlier = glpiLocalTime(new Date(Date.now() - 3600_000));
    glpi.tickets.splice(0, glpi.tickets.length, ...Array.from({ length: 9 }, (_, i) => glpiTicket({
      id: 600 + i, name: `Ticket ${600 + i}`, status: 2, priority: 3, date: '2026-03-02 09:00:00', dateMod: earlier,
    })));
    // Pages of 3: while page 2 is asked for, ticket 600 (on page 1, already read) is solved; ticket 607 (on page
    // 3, not read yet) changes later in the read: GLPI stamps it five minutes on, as if the read were that long.
    const now = new Date();
    glpi.beforeSearch((n) => {
      if (n !== 2) return;
      glpi.tickets[0] = { ...glpi.tickets[0]!, '12': 5, '17': glpiLocalTime(now), '19': glpiLocalTime(now) };
      glpi.tickets[7] = { ...glpi.tickets[7]!, '1': 'Ticket 607 (editado)', '19': glpiLocalTime(new Date(now.getTime() + 300_000)) };
    });
    const r1 = await run();
    glpi.beforeSearch(null);
    expect([r1.estado, r1.leidas]).toEqual(['exito', 9]);
    const state = () => tmp.wh.all<{ id: number; estado: string; titulo: string }>('SELECT id, estado, titulo FROM core.tickets WHERE id IN (600, 607) ORDER BY id');
    // The first read saw ticket 600 before the change.
    expect(await state()).toEqual([{ id: 600, estado: 'asignado', titulo: 'Ticket 600' }, { id: 607, estado: 'asignado', titulo: 'Ticket 607 (editado)' }]);

    const r2 = await run();
    expect(r2.estado).toBe('exito');
    expect(await state()).toEqual([{ id: 600, estado: 'resuelto', titulo: 'Ticket 600' }, { id: 607, estado: 'asignado', titulo: 'Ticket 607 (editado)' }]);

    // Nothing changed since: the overlap is read again and the warehouse keeps the same tickets and history.
    const business = () => tmp.wh.all(`SELECT id, titulo, estado, fecha_solucion, fecha_modificacion FROM core.tickets ORDER BY id`);
    const before = { tickets: await business(), historia: await tmp.wh.all('SELECT id, estado, orden FROM core.tickets_estados ORDER BY id, orden') };
    const r3 = await run();
    expect(r3.estado).toBe('exito');
    expect(r3.leidas).toBeGreaterThan(0);
    expect({ tickets: await business(), historia: await tmp.wh.all('SELECT id, estado, orden FROM core.tickets_estados ORDER BY id, orden') }).toEqual(before);
  });
});
