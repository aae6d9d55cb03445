import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { evaluateAll } from '../../src/domains/alertas/cycle.js';
import type { EvaluationContext } from '../../src/domains/alertas/evaluator.js';
import { certificadoPorVencer } from '../../src/domains/alertas/evaluators/certificado-por-vencer.js';
import { fuenteVencida } from '../../src/domains/alertas/evaluators/fuente-vencida.js';
import { parseRuleParams } from '../../src/domains/alertas/evaluators/index.js';
import { procesoFallido } from '../../src/domains/alertas/evaluators/proceso-fallido.js';
import { servicioCaido } from '../../src/domains/alertas/evaluators/servicio-caido.js';
import { listAlerts } from '../../src/domains/alertas/alerts.js';
import { listRules } from '../../src/domains/alertas/rules.js';
import { MIN } from './helpers.js';

/*
 * The evaluators of the default rules, over hand-built rows of the tables they read (checks, maintenance windows,
 * outages, runs), against hand-computed answers. Times are Mexico City (−06:00), 12/03/2025.
 *
 * Checks, one a minute from 10:00 (minute i = 0 … 9), N = 2 consecutive failures make an outage:
 *   portal  (alta):  ok 0–4, fail 5, ok 6, fail 7, 8, 9         → down since 10:07 (the single failure at 10:05 is not an outage)
 *   correo  (media): fail 0–9, all inside maintenance 09:55–10:30 → not down (checks in maintenance do not count)
 *   prep    (alta):  fail 0–9, maintenance 10:05–10:30 from 10:05 → down since 10:00 (failures before the window), en mantenimiento
 *   sij     (baja):  fail 0–9 and every check of the hour before; open outage in core.disp_caidas since 08:40
 *                    → down since 08:40 (no success in the window: the rollup's start)
 *   intranet (media): fail 0–8, ok 9                              → back up
 *   tramo   (media): ok 0–2, fail 3–9, maintenance 10:04–10:06 (over) → down since 10:06: the window ended the run
 *                    of 10:03, so only the 4 failures after it count (with N = 5 it is not down: 1 + 4 do not add up)
 *   viejo   (alta, inactive): fail 0–9                            → not evaluated
 */
const at = (hhmm: string): string => new Date(`2025-03-12T${hhmm}:00-06:00`).toISOString();
const AHORA = Date.parse('2025-03-12T10:09:30-06:00');

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
const ctx = (ahora = AHORA): EvaluationContext => ({
  ahora,
  fallosCaida: 2,
  fuentes: [
    { nombre: 'tickets', titulo: 'Tickets de la mesa de ayuda', horas: 24 },
    { nombre: 'glpi', titulo: 'GLPI', horas: 24 },
    { nombre: 'odes', titulo: 'ODES', horas: 168 },
    { nombre: 'poa', titulo: 'POA', horas: 1080 },
  ],
});

async function checks(servicio: string, minutes: number[], ok: (i: number) => boolean, hour = '10'): Promise<void> {
  const values = minutes.map((i) => `('${servicio}', '${at(`${hour}:${String(i).padStart(2, '0')}`)}'::TIMESTAMPTZ, ${ok(i)}, ${ok(i) ? 120 : 'NULL'}, ${ok(i) ? 200 : 503}, ${ok(i) ? 'NULL' : `'Código HTTP 503 (minuto ${i})'`}, 0)`);
  await wh.exec(`INSERT INTO core.disp_verificaciones VALUES ${values.join(', ')}`);
}

beforeAll(async () => {
  env = await tempWarehouse('atalaya-alertas-eval-');
  wh = env.wh;
  const svc = [
    ['portal', 'Portal institucional', 'alta', true],
    ['correo', 'Correo institucional', 'media', true],
    ['prep', 'PREP', 'alta', true],
    ['sij', 'Sistema de Información Jurídica', 'baja', true],
    ['intranet', 'Intranet', 'media', true],
    ['tramo', 'Sistema de trámites', 'media', true],
    ['viejo', 'Sistema retirado', 'alta', false],
  ] as const;
  for (const [id, nombre, criticidad, activo] of svc) {
    await wh.exec(`INSERT INTO core.servicios (id, nombre, tipo, destino, criticidad, activo) VALUES ($1, $2, 'http', 'https://x.ople.test', $3, $4)`, [id, nombre, criticidad, activo]);
  }
  const all = Array.from({ length: 10 }, (_, i) => i);
  await checks('portal', all, (i) => i < 5 || i === 6);
  await checks('correo', all, () => false);
  await checks('prep', all, () => false);
  await checks('sij', all, () => false);
  await checks('sij', Array.from({ length: 60 }, (_, i) => i), () => false, '09');
  await checks('intranet', all, (i) => i === 9);
  await checks('viejo', all, () => false);
  await checks('tramo', all, (i) => i < 3);
  await wh.exec(`INSERT INTO core.mantenimientos (servicio_id, inicio, fin, motivo) VALUES
    ('correo', '${at('09:55')}', '${at('10:30')}', 'Migración'), ('prep', '${at('10:05')}', '${at('10:30')}', 'Simulacro'),
    ('tramo', '${at('10:04')}', '${at('10:06')}', 'Parche')`);
  await wh.exec(`INSERT INTO core.disp_caidas VALUES ('sij', '${at('08:40')}', NULL, 90, 'Código HTTP 503')`);

  // Runs: tickets ok then failed (failed); glpi failed then ok (fine); odes failed, then one still running (failed);
  // «viejo» failed but is not a source of this installation. Successes for freshness below.
  const runs: Array<[string, string, string, string | null]> = [
    ['tickets', 'exito', '2025-03-11T08:00:00-06:00', null],
    ['tickets', 'fallo', '2025-03-12T08:00:00-06:00', 'No se pudo leer tickets.csv: fila 3, campo «prioridad»\nDetalle técnico'],
    ['glpi', 'fallo', '2025-03-12T07:00:00-06:00', 'GLPI no respondió'],
    ['glpi', 'exito', '2025-03-12T09:00:00-06:00', null],
    ['odes', 'exito', '2025-03-10T10:00:00-06:00', null],
    ['odes', 'fallo', '2025-03-12T09:00:00-06:00', 'Archivo dañado'],
    ['odes', 'en_curso', '2025-03-12T10:00:00-06:00', null],
    ['viejo', 'fallo', '2025-03-12T09:00:00-06:00', 'x'],
  ];
  for (const [p, estado, inicio, error] of runs) {
    await wh.exec(
      `INSERT INTO ops.ejecuciones (pipeline, estado, inicio, fin, error) VALUES ($1, $2, $3::TIMESTAMPTZ, CASE WHEN $2 = 'en_curso' THEN NULL ELSE $3::TIMESTAMPTZ + INTERVAL 5 MINUTE END, $4::VARCHAR)`,
      [p, estado, inicio, error],
    );
  }
});
afterAll(() => env?.close());

describe('servicio_caido', () => {
  it('N fallos seguidos fuera de mantenimiento, desde el primero', async () => {
    const obs = await servicioCaido.evaluar(wh, {}, ctx());
    expect(obs.map((o) => [o.sujeto, o.inicio, o.severidad, o.mantenimiento])).toEqual([
      ['portal', at('10:07'), 'critica', false],
      ['prep', at('10:00'), 'critica', true],
      ['sij', at('08:40'), 'informativa', false],
      ['tramo', at('10:06'), 'advertencia', false],
    ]);
    expect(obs[0]).toMatchObject({
      mensaje: 'El servicio «Portal institucional» está caído desde el 12/03/2025 10:07. Primer error: Código HTTP 503 (minuto 7)',
      resuelta: 'El servicio «Portal institucional» volvió a responder (estaba caído desde el 12/03/2025 10:07).',
      enlace: '/disponibilidad?servicio=portal',
    });
  });

  it('con un solo fallo no hay caída; el parámetro «fallos» de la regla manda sobre el ajuste', async () => {
    const at0730 = Date.parse('2025-03-12T10:07:30-06:00');
    expect((await servicioCaido.evaluar(wh, {}, ctx(at0730))).map((o) => o.sujeto)).not.toContain('portal');
    expect((await servicioCaido.evaluar(wh, { fallos: 1 }, ctx(at0730))).map((o) => o.sujeto)).toContain('portal');
    expect((await servicioCaido.evaluar(wh, { fallos: 4 }, ctx())).map((o) => o.sujeto)).toEqual(['prep', 'sij', 'tramo']);
    expect((await servicioCaido.evaluar(wh, { fallos: 5 }, ctx())).map((o) => o.sujeto)).toEqual(['prep', 'sij']);
  });

  it('sin verificaciones recientes (la sonda se detuvo), sigue caído lo que el rollup registró como caída abierta', async () => {
    const later = Date.parse('2025-03-12T13:00:00-06:00');
    const obs = await servicioCaido.evaluar(wh, {}, ctx(later));
    expect(obs.map((o) => [o.sujeto, o.inicio])).toEqual([['sij', at('08:40')]]);
    expect(obs[0]!.mensaje).toBe('El servicio «Sistema de Información Jurídica» está caído desde el 12/03/2025 08:40. Primer error: Código HTTP 503');
  });
});

describe('proceso_fallido y fuente_vencida', () => {
  it('la última ejecución terminada falló', async () => {
    const obs = await procesoFallido.evaluar(wh, {}, ctx());
    expect(obs.map((o) => o.sujeto)).toEqual(['odes', 'tickets']);
    expect(obs[1]).toMatchObject({
      severidad: 'advertencia',
      mensaje: expect.stringMatching(/^Falló la última ejecución del proceso «Tickets de la mesa de ayuda» \(ejecución \d+, 12\/03\/2025 08:05\): No se pudo leer tickets\.csv: fila 3, campo «prioridad»$/),
      enlace: '/admin/procesos?pipeline=tickets',
      inicio: new Date('2025-03-12T08:05:00-06:00').toISOString(),
    });
  });

  it('una fuente pasada de su vigencia; la que nunca cargó no cuenta', async () => {
    // tickets: last success 11/03 08:05, 26 h 4.5 min before → stale (24 h). glpi: 09:05 today → fresh.
    // odes: 10/03 10:05 → 48 h later, within 168 h. poa: never loaded.
    const obs = await fuenteVencida.evaluar(wh, {}, ctx());
    expect(obs).toEqual([
      {
        sujeto: 'tickets',
        severidad: 'advertencia',
        mensaje: 'La fuente «Tickets de la mesa de ayuda» está vencida: su última carga exitosa fue el 11/03/2025 08:05 y su vigencia es de 24 h.',
        resuelta: 'La fuente «Tickets de la mesa de ayuda» volvió a cargarse y está vigente.',
        enlace: '/admin/procesos?pipeline=tickets',
        inicio: new Date('2025-03-12T08:05:00-06:00').toISOString(),
      },
    ]);
    // At exactly 24 h it is still fresh (as /api/health counts it).
    expect(await fuenteVencida.evaluar(wh, {}, ctx(Date.parse('2025-03-12T08:05:00-06:00')))).toEqual([]);
  });
});

describe('las reglas predeterminadas en un ciclo', () => {
  it('una instalación nueva trae las cuatro reglas activas, a todos los canales', async () => {
    expect((await listRules(wh)).map((r) => [r.tipo, r.activa, r.canales, r.predeterminada])).toEqual([
      ['servicio_caido', true, [], true],
      ['certificado_por_vencer', true, [], true],
      ['proceso_fallido', true, [], true],
      ['fuente_vencida', true, [], true],
    ]);
  });

  it('evalúa todas; un evaluador que falla no toca las alertas de su regla', async () => {
    // certificado_por_vencer cannot run while its column is missing (renamed away here, put back in the next test).
    await wh.exec(`ALTER TABLE core.servicios RENAME COLUMN certificado_vence TO certificado_vence_oculto`);
    const r = await evaluateAll(wh, ctx());
    expect(r.errores).toEqual([{ regla: 2, tipo: 'certificado_por_vencer', error: expect.stringMatching(/certificado_vence/) }]);
    const act = await listAlerts(wh, { rol: 'admin', area: null }, { estado: 'activa' }, {});
    expect(act.map((a) => `${a.tipo}:${a.sujeto}`).sort()).toEqual([
      'fuente_vencida:tickets',
      'proceso_fallido:odes',
      'proceso_fallido:tickets',
      'servicio_caido:portal',
      'servicio_caido:prep',
      'servicio_caido:sij',
      'servicio_caido:tramo',
    ]);
    expect(act.find((a) => a.sujeto === 'portal')!.inicio).toBe(at('10:07'));
  });

  it('certificado_por_vencer lee la columna que llena la sonda HTTPS', async () => {
    await wh.exec(`ALTER TABLE core.servicios RENAME COLUMN certificado_vence_oculto TO certificado_vence`);
    await wh.exec(`UPDATE core.servicios SET certificado_vence = CASE id
      WHEN 'portal' THEN '2025-03-22T12:00:00-06:00'::TIMESTAMPTZ WHEN 'correo' THEN '2025-04-30T00:00:00-06:00'::TIMESTAMPTZ
      WHEN 'sij' THEN '2025-03-01T00:00:00-06:00'::TIMESTAMPTZ END`);
    const obs = await certificadoPorVencer.evaluar(wh, parseRuleParams('certificado_por_vencer', {}) as { dias: number }, ctx());
    expect(obs).toEqual([
      expect.objectContaining({ sujeto: 'portal', severidad: 'advertencia', mensaje: 'El certificado TLS de «Portal institucional» vence el 22/03/2025 12:00 (en 10 días).', enlace: '/disponibilidad?servicio=portal' }),
      expect.objectContaining({ sujeto: 'sij', severidad: 'critica', mensaje: 'El certificado TLS de «Sistema de Información Jurídica» venció el 01/03/2025 00:00.', enlace: '/disponibilidad?servicio=sij' }),
    ]);
    expect((await certificadoPorVencer.evaluar(wh, { dias: 60 }, ctx())).map((o) => o.sujeto)).toEqual(['correo', 'portal', 'sij']);
    // The next cycle picks it up; the others are unchanged (no second alert for any subject).
    const r = await evaluateAll(wh, ctx(AHORA + MIN));
    expect(r.errores).toEqual([]);
    expect(r.resultados.flatMap((x) => x.disparadas)).toHaveLength(2);
    const act = await listAlerts(wh, { rol: 'admin', area: null }, { estado: 'activa' }, {});
    expect(act.filter((a) => a.tipo === 'certificado_por_vencer').map((a) => a.sujeto).sort()).toEqual(['portal', 'sij']);
    expect(act).toHaveLength(9);
  });

  it('los parámetros de una regla se validan con el esquema de su tipo', () => {
    expect(parseRuleParams('certificado_por_vencer', {})).toEqual({ dias: 14 });
    expect(() => parseRuleParams('certificado_por_vencer', { dias: 0 })).toThrow(/«parametros\.dias»/);
    expect(() => parseRuleParams('proceso_fallido', { umbral: 3 })).toThrow(/parametros/);
    expect(() => parseRuleParams('no_existe', {})).toThrow(/El campo «tipo» debe ser uno de: servicio_caido, certificado_por_vencer, proceso_fallido, fuente_vencida/);
  });

  it('una regla pausada resuelve sus alertas sin avisar', async () => {
    await wh.exec(`UPDATE app.alertas_reglas SET activa = false WHERE tipo = 'fuente_vencida'`);
    const r = await evaluateAll(wh, ctx(AHORA + 2 * MIN));
    expect(r.resultados.flatMap((x) => x.resueltas)).toHaveLength(1);
    const act = await listAlerts(wh, { rol: 'admin', area: null }, { estado: 'activa' }, {});
    expect(act.some((a) => a.tipo === 'fuente_vencida')).toBe(false);
    // A later cycle does nothing more for it.
    expect((await evaluateAll(wh, ctx(AHORA + 3 * MIN))).resultados.flatMap((x) => x.resueltas)).toEqual([]);
  });
});
