import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';
import { evaluatorOf } from '../../src/domains/alertas/evaluators/index.js';
import { ACCESS } from '../../src/auth/roles.js';
import type { EvaluationContext, Observation } from '../../src/domains/reglas.js';

/**
 * `semaforo_empeora` over the real Resumen cards, with petitions loaded by the real pipeline. The Oficialía card's
 * target: verde ≥ 90 %, amarillo ≥ 75 % of petitions attended on time (72 h).
 *   P1 received 10/03 10:00, acta 11/03 10:00 (24 h, on time)
 *   P2 received 05/04 10:00, acta 06/04 10:00 (24 h, on time)
 *   P3 received 10/04 10:00, acta 20/04 10:00 (240 h, late)
 * At 30/04 (period «mes»: 01/04–30/04 against 02/03–31/03): 1/2 = 50 % rojo, before 1/1 = 100 % verde → worse.
 * At 31/03: 02/03–31/03 is 100 % verde, and the period before has no petitions (sin datos) → nothing to compare.
 * Every other card has no data: none of them fires.
 */
const t = adminApi(async ({ srv, admin }) => {
  dropFile(srv.dataDir, 'oficialia', 'peticiones.csv', `folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta
P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1
P2,05/04/2026 10:00,OC,PP,Bardas,atendida,,,05/04/2026 12:00,,06/04/2026 10:00,A2
P3,10/04/2026 10:00,OC,PP,Volantes,atendida,,,10/04/2026 12:00,,20/04/2026 10:00,A3`);
  await runAndWait(admin, 'oficialia');
});

const ctx = (iso: string): EvaluationContext => ({ ahora: Date.parse(iso), fallosCaida: 2, fuentes: [], acceso: ACCESS });
const observar = async (iso: string, p: Record<string, unknown> = {}): Promise<Observation[]> => {
  const ev = evaluatorOf('semaforo_empeora')!;
  expect(ev).toBeDefined();
  return ev.evaluar(t.srv.wh, ev.parametros.parse(p) as Record<string, unknown>, ctx(iso));
};

describe('Resumen: semaforo_empeora', () => {
  it('a card that went from verde to rojo fires, critical, with both figures and its link', async () => {
    const obs = await observar('2026-04-30T12:00:00-06:00');
    expect(obs.map((o) => [o.sujeto, o.severidad])).toEqual([['oficialia', 'critica']]);
    expect(obs[0]!.mensaje).toBe('La tarjeta «Oficialía Electoral» del Resumen pasó de verde a rojo (últimos 30 días: 50 %; antes 100 %).');
    expect(obs[0]!.enlace).toMatch(/^\/oficialia/);
  });

  it('nothing fires when the period before has no data, or over a period where the card did not worsen', async () => {
    expect(await observar('2026-03-31T12:00:00-06:00')).toEqual([]);
    // Over 90 days ending 30/04 the 3 petitions are all in the current period (2/3 = 66.7 %, rojo) and the period
    // before is empty: no comparison.
    expect(await observar('2026-04-30T12:00:00-06:00', { periodo: 'trimestre' })).toEqual([]);
  });
});
