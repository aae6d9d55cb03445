import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait, send, userClient, type Client } from '../helpers/client.js';
import { dropPlanning } from '../metas/fixture.js';
import { evaluatorOf } from '../../src/domains/alertas/evaluators/index.js';
import { ACCESS } from '../../src/auth/roles.js';
import type { EvaluationContext, Observation } from '../../src/domains/reglas.js';

/**
 * `captura_pendiente` over the hand-built Q1 2026 of tests/metas/fixture.ts and a real evaluation cycle opened by
 * UTP with its deadline on 20/04/2026: UTP has 2 results to justify (E404.19|3 amarillo, U01 rojo), DEA 1 (E404.16|4
 * rojo). Default window: 5 days before the deadline.
 */
let areaDea: Client;
const t = adminApi(async ({ srv, admin }) => {
  dropPlanning(srv.dataDir);
  await runAndWait(admin, 'poa');
  await runAndWait(admin, 'indicadores');
  const utp = await userClient(srv, admin, 'ana.utp', 'utp');
  areaDea = await userClient(srv, admin, 'rosa.area', 'area', 'DEA');
  const r = await utp.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2026, trimestre: 1, fecha_limite: '2026-04-20' }));
  expect(r.status).toBe(201);
});

const ctx = (iso: string): EvaluationContext => ({ ahora: Date.parse(iso), fallosCaida: 2, fuentes: [], acceso: ACCESS });
const observar = async (iso: string, p: Record<string, unknown> = {}): Promise<Observation[]> => {
  const ev = evaluatorOf('captura_pendiente')!;
  expect(ev).toBeDefined();
  const obs = await ev.evaluar(t.srv.wh, ev.parametros.parse(p) as Record<string, unknown>, ctx(iso));
  return [...obs].sort((a, b) => a.sujeto.localeCompare(b.sujeto));
};

describe('Metas: captura_pendiente', () => {
  it('only within «dias» days of the deadline, one alert per area that has not sent, with its area', async () => {
    // 10/04 is 10 days before 20/04: outside the default 5 days, inside 10.
    expect(await observar('2026-04-10T12:00:00-06:00')).toEqual([]);
    expect((await observar('2026-04-10T12:00:00-06:00', { dias: 10 })).map((o) => o.sujeto)).toEqual(['DEA-2026-T1', 'UTP-2026-T1']);
    const obs = await observar('2026-04-16T12:00:00-06:00');
    expect(obs.map((o) => [o.sujeto, o.area, o.severidad])).toEqual([['DEA-2026-T1', 'DEA', 'advertencia'], ['UTP-2026-T1', 'UTP', 'advertencia']]);
    expect(obs[1]!.mensaje).toBe('El área UTP no ha enviado la evaluación del 1.º trimestre de 2026 (2 de 2 resultados sin justificar); la fecha límite es el 20/04/2026.');
    expect(obs[1]!.enlace).toMatch(/^\/evaluacion\?ciclo=\d+&area=UTP$/);
  });

  it('an area that sends leaves the list; past the deadline the rest turn critical', async () => {
    const j = { tipo: 'actividad', clave: 'E404.16|4', causa: 'Sin personal', accion_correctiva: 'Se contrata apoyo', fecha_compromiso: '2026-05-15' };
    const ciclo = (await areaDea.json<Array<{ id: number }>>('/api/evaluacion/ciclos'))[0]!.id;
    expect((await areaDea.fetch(`/api/evaluacion/ciclos/${ciclo}/justificaciones`, send('PUT', j))).status).toBe(200);
    expect((await areaDea.fetch(`/api/evaluacion/ciclos/${ciclo}/enviar`, send('POST', {}))).status).toBe(200);
    const obs = await observar('2026-04-21T12:00:00-06:00');
    expect(obs.map((o) => [o.sujeto, o.severidad])).toEqual([['UTP-2026-T1', 'critica']]);
    expect(obs[0]!.mensaje).toContain('la fecha límite fue el 20/04/2026');
  });
});
