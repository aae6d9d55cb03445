import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxLimits } from '../../../pipelines/runner/inbox/limits.js';
import { readInboxFile, scanInbox } from '../../../pipelines/runner/inbox/scan.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { dropFile, tempWarehouse } from '../../helpers/warehouse.js';
import { csv, ticket } from '../../helpers/tickets.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
const savedWait = process.env.ATALAYA_ESPERA_ARCHIVO_S;
afterEach(() => {
  if (savedWait === undefined) delete process.env.ATALAYA_ESPERA_ARCHIVO_S;
  else process.env.ATALAYA_ESPERA_ARCHIVO_S = savedWait;
  tmp?.close();
});

const run = () => runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
const inbox = (): string[] => fs.readdirSync(path.join(tmp.dataDir, 'inbox', 'tickets')).sort();
const archived = (): string[] => {
  const dir = path.join(tmp.dataDir, 'archivo', 'tickets');
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => f.replace(/^\d{4}-\d{2}-\d{2}T[\d-]+Z_(\d+_)?/, '')).sort() : [];
};

describe('inbox: identical files', () => {
  it('identical new files in one run load once and all leave the inbox; a later run changes nothing', async () => {
    tmp = await tempWarehouse();
    const content = csv([ticket(1), ticket(2), ticket(3)]);
    dropFile(tmp.dataDir, 'tickets', 'b_buenos.csv', content);
    dropFile(tmp.dataDir, 'tickets', 'c_copia_identica.csv', content);
    dropFile(tmp.dataDir, 'tickets', 'd_otra_copia.csv', content);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', error: null, leidas: 3, cargadas: 3, rechazadas: 0 });
    expect(r.avisos).toEqual(expect.arrayContaining([
      'c_copia_identica.csv: mismo contenido que «b_buenos.csv»; se cargó una sola vez',
      'd_otra_copia.csv: mismo contenido que «b_buenos.csv»; se cargó una sola vez',
    ]));
    expect(await tmp.wh.all('SELECT id, _archivo FROM core.tickets ORDER BY id')).toEqual([
      { id: 1, _archivo: 'b_buenos.csv' }, { id: 2, _archivo: 'b_buenos.csv' }, { id: 3, _archivo: 'b_buenos.csv' },
    ]);
    expect(await tmp.wh.all('SELECT archivo, estado FROM ops.archivos_cargados')).toEqual([{ archivo: 'b_buenos.csv', estado: 'cargado' }]);
    expect(inbox()).toEqual([]);
    expect(archived()).toEqual(['b_buenos.csv', 'c_copia_identica.csv', 'd_otra_copia.csv']);

    // The same bytes again, under a fourth name: recognized, archived, nothing changes.
    dropFile(tmp.dataDir, 'tickets', 'e_de_nuevo.csv', content);
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', leidas: 0, cargadas: 0 });
    expect(r2.avisos).toContain('e_de_nuevo.csv: ya se había cargado (mismo contenido); no cambió nada');
    expect(inbox()).toEqual([]);
  });

  it('a copy of a rejected file is rejected with it', async () => {
    tmp = await tempWarehouse();
    dropFile(tmp.dataDir, 'tickets', 'falso.xlsx', 'no soy un libro');
    dropFile(tmp.dataDir, 'tickets', 'falso_copia.xlsx', 'no soy un libro');
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', rechazadas: 2 });
    const q = await tmp.wh.all<{ archivo: string; motivo: string }>('SELECT archivo, motivo FROM ops.cuarentena ORDER BY archivo');
    expect(q.map((x) => x.archivo)).toEqual(['falso.xlsx', 'falso_copia.xlsx']);
    expect(q[1]!.motivo).toBe('mismo contenido que «falso.xlsx», que se rechazó');
    expect(fs.readdirSync(path.join(tmp.dataDir, 'rechazados', 'tickets'))).toHaveLength(2);

    // Dropped again later, the same bytes are looked at again (the contract may have changed) and rejected again.
    dropFile(tmp.dataDir, 'tickets', 'falso.xlsx', 'no soy un libro');
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', rechazadas: 1 });
    expect(await tmp.wh.all('SELECT archivo, estado, ejecucion_id FROM ops.archivos_cargados')).toEqual([
      { archivo: 'falso.xlsx', estado: 'rechazado', ejecucion_id: r2.id },
    ]);
    expect(fs.readdirSync(path.join(tmp.dataDir, 'rechazados', 'tickets'))).toHaveLength(3);
    expect(inbox()).toEqual([]);
  });
});

describe('inbox: file names', () => {
  it('any name loads exactly its own rows, and runs nothing: spaces, accents, quotes, $(), ;, and the pattern characters [ ] * ? { }', async () => {
    tmp = await tempWarehouse();
    const canary = path.join(os.tmpdir(), `atalaya-canario-${process.pid}`);
    fs.rmSync(canary, { force: true });
    const names = [
      'p[ab].csv', 'pa.csv', 'pb.csv', 'p*.csv', 'p?.csv', 'p{a,b}.csv', '[!x]*.csv', '**.csv',
      'con espacios.csv', 'acentuación ñandú.csv', `$(touch ${path.basename(canary)}).csv`, '`touch canario`.csv',
      'uno;dos.csv', "comilla'simple.csv", 'comilla"doble.csv', 'barra\\invertida.csv', '100%.csv', 'salto\nde línea.csv',
    ];
    // Every file its own ids: file i holds tickets 100·(i+1) + 1 … + (i+1).
    names.forEach((name, i) => dropFile(tmp.dataDir, 'tickets', name, csv(Array.from({ length: i + 1 }, (_, k) => ticket(100 * (i + 1) + k + 1)))));
    const cwd = process.cwd();
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', rechazadas: 0 });
    const total = (names.length * (names.length + 1)) / 2;
    expect(r.cargadas).toBe(total);
    const rows = await tmp.wh.all<{ archivo: string; n: number; ids: number[] }>(
      'SELECT _archivo AS archivo, count(*)::INTEGER AS n, list(id::INTEGER ORDER BY id) AS ids FROM core.tickets GROUP BY _archivo');
    const byName = new Map(rows.map((x) => [x.archivo, x]));
    expect([...byName.keys()].sort()).toEqual([...names].sort());
    names.forEach((name, i) => {
      expect(byName.get(name)!.ids, name).toEqual(Array.from({ length: i + 1 }, (_, k) => 100 * (i + 1) + k + 1));
    });
    expect(fs.existsSync(canary)).toBe(false);
    expect(fs.existsSync(path.join(cwd, 'canario'))).toBe(false);
    expect(inbox()).toEqual([]);
    expect(archived()).toEqual([...names].sort());
  });

  it('a name that is not UTF-8 (a Windows share) and a name too long to archive with its prefix still load and leave the inbox', async () => {
    tmp = await tempWarehouse();
    const dir = path.dirname(dropFile(tmp.dataDir, 'tickets', 'otro.csv', csv([ticket(3)])));
    // «petición.csv» written in Windows-1252: ó is the single byte 0xF3.
    const latin = Buffer.concat([Buffer.from('petici'), Buffer.from([0xf3]), Buffer.from('n.csv')]);
    const latinPath = Buffer.concat([Buffer.from(dir + '/'), latin]);
    fs.writeFileSync(latinPath, csv([ticket(1)]));
    fs.utimesSync(latinPath, (Date.now() - 60_000) / 1000, (Date.now() - 60_000) / 1000);
    const long = `${'ñ'.repeat(124)}.csv`; // 252 bytes
    dropFile(tmp.dataDir, 'tickets', long, csv([ticket(2)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 3, rechazadas: 0 });
    expect(await tmp.wh.all('SELECT id, _archivo FROM core.tickets ORDER BY id')).toEqual([
      { id: 1, _archivo: 'petición.csv' }, { id: 2, _archivo: long }, { id: 3, _archivo: 'otro.csv' },
    ]);
    expect(inbox()).toEqual([]);
    const names = fs.readdirSync(path.join(tmp.dataDir, 'archivo', 'tickets'), { encoding: 'buffer' });
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.length <= 255)).toBe(true);
    expect(names.some((n) => n.includes(latin))).toBe(true);
    expect(names.map((n) => n.toString('utf8')).some((n) => /_ñ+\.csv$/.test(n))).toBe(true);
  });

  it('what is not a regular file is not read: a folder, a link and a pipe named like CSVs stay as they are', async () => {
    tmp = await tempWarehouse();
    const dir = path.dirname(dropFile(tmp.dataDir, 'tickets', 'bueno.csv', csv([ticket(1)])));
    fs.mkdirSync(path.join(dir, 'carpeta.csv'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'enlace.csv'));
    execFileSync('mkfifo', [path.join(dir, 'tubo.csv')]);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 1, rechazadas: 0 });
    expect(inbox()).toEqual(['carpeta.csv', 'enlace.csv', 'tubo.csv']);
  });

  it('a data folder whose own path has pattern characters still reads each file exactly', async () => {
    tmp = await tempWarehouse('atalaya-datos[ab]-');
    expect(tmp.dataDir).toContain('[ab]');
    dropFile(tmp.dataDir, 'tickets', 'pa.csv', csv([ticket(1)]));
    dropFile(tmp.dataDir, 'tickets', 'p[ab].csv', csv([ticket(2), ticket(3)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 3 });
    expect(await tmp.wh.all('SELECT id, _archivo FROM core.tickets ORDER BY id')).toEqual([
      { id: 1, _archivo: 'pa.csv' }, { id: 2, _archivo: 'p[ab].csv' }, { id: 3, _archivo: 'p[ab].csv' },
    ]);
  });
});

describe('inbox: files still arriving', () => {
  it('a file modified in the last seconds, a partial download and an Excel lock file wait; the file loads once settled', async () => {
    tmp = await tempWarehouse();
    const recent = dropFile(tmp.dataDir, 'tickets', 'llegando.csv', csv([ticket(1)]), 0);
    dropFile(tmp.dataDir, 'tickets', 'descarga.csv.part', csv([ticket(2)]));
    dropFile(tmp.dataDir, 'tickets', '~$libro.xlsx', 'bloqueo');
    dropFile(tmp.dataDir, 'tickets', 'listo.csv', csv([ticket(3)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 1 });
    expect(await tmp.wh.all('SELECT id FROM core.tickets')).toEqual([{ id: 3 }]);
    expect(r.avisos).toEqual(expect.arrayContaining([
      expect.stringMatching(/^llegando\.csv: cambió hace menos de 5 s \(puede estar copiándose\); se cargará en la próxima ejecución$/),
      expect.stringMatching(/^descarga\.csv\.part: descarga o copia incompleta/),
      expect.stringMatching(/^~\$libro\.xlsx: archivo de bloqueo de Excel/),
    ]));
    expect(inbox()).toEqual(['descarga.csv.part', 'llegando.csv', '~$libro.xlsx']);

    // Settled a minute later: the next run takes it.
    const t = (Date.now() - 60_000) / 1000;
    fs.utimesSync(recent, t, t);
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', cargadas: 1 });
    expect(await tmp.wh.all('SELECT id FROM core.tickets ORDER BY id')).toEqual([{ id: 1 }, { id: 3 }]);
    expect(inbox()).toEqual(['descarga.csv.part', '~$libro.xlsx']);
  });

  it('a file that grows between the listing and the read waits for the next run', async () => {
    tmp = await tempWarehouse();
    const file = dropFile(tmp.dataDir, 'tickets', 'creciendo.csv', csv([ticket(1)]));
    const limits = inboxLimits();
    const [entry] = scanInbox(path.dirname(file), limits).ready;
    fs.appendFileSync(file, csv([ticket(2)]).split('\r\n').slice(1).join('\r\n'));
    expect(await readInboxFile(entry!, limits)).toEqual({ kind: 'waiting', motivo: 'cambió mientras se leía (puede estar copiándose); se cargará en la próxima ejecución' });
  });

  it('the wait is configurable: ATALAYA_ESPERA_ARCHIVO_S=0 takes a file written this instant', async () => {
    tmp = await tempWarehouse();
    process.env.ATALAYA_ESPERA_ARCHIVO_S = '0';
    dropFile(tmp.dataDir, 'tickets', 'ahora.csv', csv([ticket(1)]), 0);
    expect(await run()).toMatchObject({ estado: 'exito', cargadas: 1 });
  });
});

describe('inbox: order of arrival', () => {
  it('files apply in the order they arrived, not by name: an older export never overwrites a newer correction', async () => {
    tmp = await tempWarehouse();
    // Alphabetically the correction comes first; it arrived last.
    dropFile(tmp.dataDir, 'tickets', 'z_export_lunes.csv', csv([ticket(1, { estado: 'asignado' }), ticket(2)]), 300);
    dropFile(tmp.dataDir, 'tickets', 'a_correccion_martes.csv', csv([ticket(1, { estado: 'resuelto', fecha_solucion: '03/03/2026 10:00' })]), 120);
    // Same instant: by name.
    dropFile(tmp.dataDir, 'tickets', 'm_1.csv', csv([ticket(3, { titulo: 'primero' })]), 200);
    const second = dropFile(tmp.dataDir, 'tickets', 'm_2.csv', csv([ticket(3, { titulo: 'segundo' })]), 200);
    const first = path.join(path.dirname(second), 'm_1.csv');
    const st = fs.statSync(first);
    fs.utimesSync(second, st.atime, st.mtime);
    const r = await run();
    expect(r.estado).toBe('exito');
    expect(await tmp.wh.all('SELECT id, estado, titulo, _archivo FROM core.tickets ORDER BY id')).toEqual([
      { id: 1, estado: 'resuelto', titulo: 'Ticket 1', _archivo: 'a_correccion_martes.csv' },
      { id: 2, estado: 'asignado', titulo: 'Ticket 2', _archivo: 'z_export_lunes.csv' },
      { id: 3, estado: 'asignado', titulo: 'segundo', _archivo: 'm_2.csv' },
    ]);
  });
});
