import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disponibilidadPipeline } from '../../pipelines/disponibilidad/index.js';
import { HEADERS } from '../../pipelines/disponibilidad/contract.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { todayMx } from '../../src/demo/index.js';
import type { Pipeline } from '../../pipelines/runner/types.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

const run = (p: Pipeline = disponibilidadPipeline) => runPipeline(tmp.wh, p, { dataDir: tmp.dataDir });
const lines = (header: readonly string[], rows: string[]): string => [header.join(','), ...rows].join('\r\n') + '\r\n';
const inbox = (): string[] => {
  const dir = path.join(tmp.dataDir, 'inbox', 'disponibilidad');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
const checks = async (): Promise<number> => (await tmp.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.disp_verificaciones'))!.n;

const CATALOGO = lines(HEADERS.servicios, [
  'correo,Correo electrónico,http,https://correo.ejemplo.mx/,60,10000,Outlook,200-399,alta,si',
  'vpn,Red de consejos,tcp,10.0.0.1:443,60,5000,,,media,no',
]);
// Yesterday (Mexico City): raw checks older than their retention window are pruned by the rollup.
const AYER = new Date(Date.parse(`${todayMx()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
// Checks every 5 minutes for correo: 06:00, 06:05, 06:10 (Mexico City).
const HISTORIA = lines(HEADERS.verificaciones, [
  `correo,${AYER}T06:00:00-06:00,si,40.5,200,`,
  `correo,${AYER}T06:05:00-06:00,no,,503,Código HTTP 503 fuera de 200-399`,
  `correo,${AYER}T06:10:00-06:00,si,41.0,200,`,
]);

describe('disponibilidad inbox through the shared runner', () => {
  it('the same history twice (even under another name) does not double the checks; an overlapping export adds only what is new', async () => {
    dropFile(tmp.dataDir, 'disponibilidad', 'servicios.csv', CATALOGO, 120);
    dropFile(tmp.dataDir, 'disponibilidad', 'verificaciones_marzo.csv', HISTORIA, 90);
    const r1 = await run();
    expect(r1.error).toBeNull();
    expect(await checks()).toBe(3);
    expect(inbox()).toEqual([]);

    dropFile(tmp.dataDir, 'disponibilidad', 'verificaciones_marzo_copia.csv', HISTORIA);
    const r2 = await run();
    expect(r2.avisos).toContain('verificaciones_marzo_copia.csv: ya se había cargado (mismo contenido); no cambió nada');
    expect(await checks()).toBe(3);

    // 06:10 again plus 06:15: only 06:15 is new.
    dropFile(tmp.dataDir, 'disponibilidad', 'verificaciones_marzo_b.csv', lines(HEADERS.verificaciones, [
      `correo,${AYER}T06:10:00-06:00,si,41.0,200,`,
      `correo,${AYER}T06:15:00-06:00,si,39.0,200,`,
    ]));
    await run();
    expect(await tmp.wh.all(`SELECT strftime(ts, '%H:%M') AS h, ok FROM core.disp_verificaciones ORDER BY ts`)).toEqual([
      { h: '06:00', ok: true }, { h: '06:05', ok: false }, { h: '06:10', ok: true }, { h: '06:15', ok: true },
    ]);
  });

  it('files leave the inbox only once their run commits: a run that fails keeps them there, and the next one loads them once', async () => {
    dropFile(tmp.dataDir, 'disponibilidad', 'servicios.csv', CATALOGO, 120);
    dropFile(tmp.dataDir, 'disponibilidad', 'verificaciones_marzo.csv', HISTORIA, 90);
    // The same pipeline with a last step that fails inside the run's transaction.
    const failing: Pipeline = { ...disponibilidadPipeline, transform: [`SELECT error('falla simulada al final de la transacción')`] };
    const bad = await run(failing);
    expect(bad).toMatchObject({ estado: 'fallo', cargadas: 0 });
    expect(bad.error).toContain('falla simulada');
    expect(inbox()).toEqual(['servicios.csv', 'verificaciones_marzo.csv']);
    expect(await checks()).toBe(0);
    expect(await tmp.wh.all('SELECT id FROM core.servicios')).toEqual([]);
    expect(await tmp.wh.all('SELECT * FROM ops.archivos_cargados')).toEqual([]);

    const ok = await run();
    expect(ok.estado).toBe('exito');
    expect(inbox()).toEqual([]);
    expect(await checks()).toBe(3);
    expect(fs.readdirSync(path.join(tmp.dataDir, 'archivo', 'disponibilidad'))).toHaveLength(2);
  });

  it('catalogue rows update the service they name; empty cells keep what is stored; a bad row is quarantined with its row and field', async () => {
    dropFile(tmp.dataDir, 'disponibilidad', 'servicios.csv', CATALOGO);
    await run();
    // An administrator pauses the VPN probe; the next catalogue file must not switch it back on.
    await tmp.wh.exec(`UPDATE core.servicios SET activo = false WHERE id = 'vpn'`);

    dropFile(tmp.dataDir, 'disponibilidad', 'servicios_2026-03.csv', lines(HEADERS.servicios, [
      // correo: new name and interval; palabra_clave and criticidad empty → kept
      'correo,Correo institucional,http,https://correo.ejemplo.mx/owa,120,10000,,200-399,,si',
      // vpn: now critical
      'vpn,Red de consejos,tcp,10.0.0.1:443,60,5000,,,alta,no',
      // a new service
      'portal,Portal,http,https://www.ejemplo.mx/,300,10000,OPLE,200-299,media,si',
      // row 5: an http service whose destino is not a URL
      'estrados,Estrados electrónicos,http,estrados.ejemplo.mx,60,10000,,,baja,si',
    ]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', rechazadas: 1 });
    expect(await tmp.wh.all(
      `SELECT id, nombre, destino, intervalo_s, palabra_clave, codigos_ok, criticidad, publico, activo FROM core.servicios ORDER BY id`)).toEqual([
      { id: 'correo', nombre: 'Correo institucional', destino: 'https://correo.ejemplo.mx/owa', intervalo_s: 120, palabra_clave: 'Outlook', codigos_ok: '200-399', criticidad: 'alta', publico: true, activo: true },
      { id: 'portal', nombre: 'Portal', destino: 'https://www.ejemplo.mx/', intervalo_s: 300, palabra_clave: 'OPLE', codigos_ok: '200-299', criticidad: 'media', publico: true, activo: true },
      { id: 'vpn', nombre: 'Red de consejos', destino: '10.0.0.1:443', intervalo_s: 60, palabra_clave: null, codigos_ok: '200-399', criticidad: 'alta', publico: false, activo: false },
    ]);
    expect(await tmp.wh.all('SELECT archivo, fila, campo, valor, motivo FROM ops.cuarentena WHERE ejecucion_id = $1', [r.id])).toEqual([
      { archivo: 'servicios_2026-03.csv', fila: 5, campo: 'destino', valor: 'estrados.ejemplo.mx', motivo: 'El destino de un servicio http debe ser una URL http:// o https://.' },
    ]);
  });

  it('a maintenance window in a later file updates the one with the same service and start; checks of an unknown service are quarantined', async () => {
    dropFile(tmp.dataDir, 'disponibilidad', 'servicios.csv', CATALOGO, 300);
    dropFile(tmp.dataDir, 'disponibilidad', 'mantenimientos.csv', lines(HEADERS.mantenimientos, [
      'correo,2026-03-01T02:00:00-06:00,2026-03-01T04:00:00-06:00,Actualización',
      'vpn,2026-03-02T02:00:00-06:00,2026-03-02T01:00:00-06:00,Al revés',
      'ftp,2026-03-02T02:00:00-06:00,2026-03-02T03:00:00-06:00,Servicio que no existe',
    ]), 200);
    dropFile(tmp.dataDir, 'disponibilidad', 'verificaciones_x.csv', lines(HEADERS.verificaciones, [
      'correo,2026-03-01T06:00:00-06:00,si,40,200,',
      'ftp,2026-03-01T06:00:00-06:00,si,40,200,',
    ]), 100);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', rechazadas: 3 });
    expect(await tmp.wh.all('SELECT archivo, fila, campo, motivo FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY archivo, fila', [r.id])).toEqual([
      { archivo: 'mantenimientos.csv', fila: 3, campo: 'fin', motivo: 'el fin debe ser posterior al inicio' },
      { archivo: 'mantenimientos.csv', fila: 4, campo: 'servicio_id', motivo: 'el servicio no está en el catálogo' },
      { archivo: 'verificaciones_x.csv', fila: 3, campo: 'servicio_id', motivo: 'el servicio no está en el catálogo' },
    ]);
    dropFile(tmp.dataDir, 'disponibilidad', 'mantenimientos_b.csv', lines(HEADERS.mantenimientos, [
      'correo,2026-03-01T02:00:00-06:00,2026-03-01T05:30:00-06:00,Actualización (se alargó)',
    ]));
    await run();
    expect(await tmp.wh.all(`SELECT servicio_id, strftime(inicio, '%H:%M') AS i, strftime(fin, '%H:%M') AS f, motivo FROM core.mantenimientos`)).toEqual([
      { servicio_id: 'correo', i: '02:00', f: '05:30', motivo: 'Actualización (se alargó)' },
    ]);
  });
});
