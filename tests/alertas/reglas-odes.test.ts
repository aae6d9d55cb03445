import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait } from '../helpers/client.js';
import { dropFixture, HASTA } from '../odes/fixture.js';
import { evaluatorOf } from '../../src/domains/alertas/evaluators/index.js';
import type { EvaluationContext } from '../../src/domains/reglas.js';

/**
 * ODES rule types over the hand-built councils of tests/odes/fixture.ts at its cut-off (index M001 70.83, M002
 * 91.67, M003 17.86 with instalación, actas, estrados and entregables at 0; M004 nothing to measure).
 */
const t = adminApi(async ({ srv, admin }) => {
  dropFixture(srv.dataDir);
  await runAndWait(admin, 'odes');
});
const ctx: EvaluationContext = { ahora: Date.parse(`${HASTA}T12:00:00-06:00`), fallosCaida: 2, fuentes: [] };
const evaluar = async (tipo: string, p: Record<string, unknown> = {}) => {
  const ev = evaluatorOf(tipo)!;
  return ev.evaluar(t.srv.wh, ev.parametros.parse(p) as Record<string, unknown>, ctx);
};

describe('reglas de ODES', () => {
  it('bajo desempeño: debajo del umbral de Parámetros (70) o del de la regla', async () => {
    const obs = await evaluar('odes_bajo_desempeno');
    expect(obs.map((o) => o.sujeto)).toEqual(['M003']);
    expect(obs[0]!.mensaje).toMatch(/^El índice de cumplimiento del consejo M003 \(Acayucan\) es 17\.9, debajo del umbral de bajo desempeño \(70\)/);
    expect(obs[0]!.enlace).toBe('/odes/M003?proceso=PRUEBA_2025');
    expect((await evaluar('odes_bajo_desempeno', { umbral: 75 })).map((o) => o.sujeto)).toEqual(['M001', 'M003']);
  });

  it('componente en 0: el consejo y los componentes que valen 0 (sin información no es 0)', async () => {
    const obs = await evaluar('odes_componente_cero');
    expect(obs.map((o) => o.sujeto)).toEqual(['M003']);
    expect(obs[0]!.mensaje).toContain('En el consejo M003 (Acayucan) los componentes instalación, actas, estrados, entregables valen 0');
  });
});
