import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import { certificateExpiry } from '../../src/domains/disponibilidad/certificate.js';
import { realProbe, type ServiceDef } from '../../src/domains/disponibilidad/probe.js';
import { writeChecks } from '../../src/domains/disponibilidad/writer.js';
import { serviciosEstado } from '../../src/domains/disponibilidad/queries.js';
import { evaluatorOf } from '../../src/domains/alertas/evaluators/index.js';

/**
 * The HTTPS probe records the certificate's expiry: a real HTTPS server in this process with a self-signed
 * certificate made by openssl, valid for 10 days. The check itself fails (the certificate is not trusted) but its
 * expiry is still read, stored with the batch, shown by /api/disponibilidad/servicios and seen by the rule
 * `certificado_por_vencer`.
 */
let server: https.Server;
let url = '';
let notAfter = 0;
let dir = '';
let env: Awaited<ReturnType<typeof tempWarehouse>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '10', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  const end = execFileSync('openssl', ['x509', '-enddate', '-noout', '-in', path.join(dir, 'c.pem')], { encoding: 'utf8' });
  notAfter = Date.parse(end.replace('notAfter=', '').trim());
  server = https.createServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert: fs.readFileSync(path.join(dir, 'c.pem')) }, (_q, r) => r.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  env = await tempWarehouse('atalaya-cert-wh-');
});
afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('certificado TLS', () => {
  it('se lee su vencimiento aunque el certificado no sea de confianza; http y tcp no lo tienen', async () => {
    expect(await certificateExpiry(url, 5000)).toBe(notAfter);
    expect(await certificateExpiry('http://127.0.0.1:1/', 5000)).toBeUndefined();
  });

  it('la verificación lo guarda, la API lo muestra y la regla lo ve a menos de 14 días', async () => {
    await env.wh.exec(`INSERT INTO core.servicios (id, nombre, tipo, destino) VALUES ('seguro', 'Sitio seguro', 'http', $1)`, [url]);
    const def: ServiceDef = { id: 'seguro', nombre: 'Sitio seguro', tipo: 'http', destino: url, intervalo_s: 60, timeout_ms: 5000, palabra_clave: null, codigos_ok: '200-399' };
    const r = await realProbe(() => 'http://127.0.0.1')(def, new AbortController().signal);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/TLS|certificado/);
    expect(r.certificado_vence).toBe(notAfter);
    await writeChecks(env.wh, [{ ...r, servicio_id: 'seguro', ts: Date.now(), retraso_ms: 0 }]);
    const [s] = await serviciosEstado(env.wh);
    expect(Date.parse(s!.certificado_vence!)).toBe(notAfter);
    const ev = evaluatorOf('certificado_por_vencer')!;
    const ctx = { ahora: Date.now(), fallosCaida: 2, fuentes: [] };
    expect((await ev.evaluar(env.wh, { dias: 14 }, ctx)).map((o) => o.sujeto)).toEqual(['seguro']);
    expect(await ev.evaluar(env.wh, { dias: 5 }, ctx)).toEqual([]);
  });
});
