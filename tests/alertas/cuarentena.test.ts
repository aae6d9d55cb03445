import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import { cuarentenaExcesiva } from '../../src/domains/alertas/evaluators/cuarentena-excesiva.js';
import type { EvaluationContext } from '../../src/domains/reglas.js';

/** `cuarentena_excesiva`: the last finished run of each source against the rule's limit of quarantined rows. */
let env: Awaited<ReturnType<typeof tempWarehouse>>;
beforeAll(async () => {
  env = await tempWarehouse('atalaya-alertas-cuarentena-');
});
afterAll(() => env?.close());

const ctx: EvaluationContext = {
  ahora: Date.parse('2026-03-02T12:00:00-06:00'),
  fallosCaida: 2,
  fuentes: [{ nombre: 'tickets', titulo: 'Tickets (CSV)', horas: 24 }, { nombre: 'odes', titulo: 'ODES', horas: 24 }],
};
const run = (pipeline: string, estado: string, leidas: number, rechazadas: number, inicio: string) =>
  env.wh.exec(`INSERT INTO ops.ejecuciones (pipeline, estado, inicio, fin, filas_leidas, filas_rechazadas)
    VALUES ($1, $2, $3::TIMESTAMPTZ, CASE WHEN $2 = 'en_curso' THEN NULL ELSE $3::TIMESTAMPTZ + INTERVAL 1 MINUTE END, $4, $5)`, [pipeline, estado, inicio, leidas, rechazadas]);

describe('cuarentena excesiva', () => {
  it('la última ejecución terminada de cada fuente contra el límite; una posterior que no lo excede la resuelve', async () => {
    await run('tickets', 'exito', 1000, 150, '2026-03-02T08:00:00-06:00');
    await run('odes', 'exito', 500, 100, '2026-03-02T08:00:00-06:00');
    await run('otra', 'exito', 500, 900, '2026-03-02T08:00:00-06:00');
    const obs = await cuarentenaExcesiva.evaluar(env.wh, { filas: 100 }, ctx);
    // odes quarantined exactly 100 (not more); «otra» is not a source of this installation.
    expect(obs.map((o) => o.sujeto)).toEqual(['tickets']);
    expect(obs[0]!.mensaje).toBe('La última ejecución de «Tickets (CSV)» (ejecución 1, 02/03/2026 08:01) mandó 150 filas a cuarentena de 1000 leídas; el límite de la regla es 100.');
    expect((await cuarentenaExcesiva.evaluar(env.wh, { filas: 99 }, ctx)).map((o) => o.sujeto)).toEqual(['odes', 'tickets']);
    // A run still going does not count; a later finished one under the limit resolves it.
    await run('tickets', 'en_curso', 0, 0, '2026-03-02T09:00:00-06:00');
    expect((await cuarentenaExcesiva.evaluar(env.wh, { filas: 100 }, ctx)).map((o) => o.sujeto)).toEqual(['tickets']);
    await run('tickets', 'exito', 1000, 3, '2026-03-02T10:00:00-06:00');
    expect(await cuarentenaExcesiva.evaluar(env.wh, { filas: 100 }, ctx)).toEqual([]);
  });
});
