import { describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { adminApi } from '../helpers/api.js';
import { runAndWait, send } from '../helpers/client.js';
import { evaluatorOf } from '../../src/domains/alertas/evaluators/index.js';
import { evaluateAll } from '../../src/domains/alertas/cycle.js';
import { ACCESS } from '../../src/auth/roles.js';
import type { EvaluationContext } from '../../src/domains/reglas.js';

/**
 * Rule types the domains declare through the registry (Oficialía, Sesiones), evaluated over files loaded by their
 * real pipelines, at hand-picked instants: each threshold checked on both sides.
 */
const t = adminApi(async ({ srv, admin }) => {
  // P3 received 20/03/2026 10:00 (Mexico City) and never attended; P1 attended.
  dropFile(srv.dataDir, 'oficialia', 'peticiones.csv', `folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta
P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1
P3,20/03/2026 10:00,M045,PP,Volantes,recibida,,,,,,`);
  await runAndWait(admin, 'oficialia');
  // S6 extraordinaria convened 12 h ahead (minimum 24 h); A2 approved 10/03 and never published.
  dropFile(srv.dataDir, 'sesiones', 'sesiones.csv', `organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en
CG,5,ordinaria,01/03/2026 10:00,05/03/2026 10:00,05/03/2026 12:00,si,8,6
CG,6,extraordinaria,09/03/2026 22:00,10/03/2026 10:00,10/03/2026 10:30,no,0,`);
  dropFile(srv.dataDir, 'sesiones', 'acuerdos.csv', `clave,organo,sesion_numero,fecha_aprobacion,rubro,votacion,votos_favor,votos_contra,fecha_publicacion
OPLEV/CG020/2026,CG,5,05/03/2026 11:00,Calendario,unanimidad,7,0,07/03/2026
OPLEV/CG021/2026,CG,6,10/03/2026 10:15,Lineamientos,unanimidad,7,0,`);
  await runAndWait(admin, 'sesiones');
});

const ctx = (iso: string): EvaluationContext => ({ ahora: Date.parse(iso), fallosCaida: 2, fuentes: [], acceso: ACCESS });
const sujetos = async (tipo: string, iso: string, p: Record<string, unknown> = {}) => {
  const ev = evaluatorOf(tipo)!;
  expect(ev, `evaluador de ${tipo}`).toBeDefined();
  return (await ev.evaluar(t.srv.wh, ev.parametros.parse(p) as Record<string, unknown>, ctx(iso))).map((o) => o.sujeto);
};

describe('Oficialía', () => {
  it('una petición sin atender llega a 60 h (por vencer) y pasa las 72 h del plazo (fuera de plazo)', async () => {
    // 20/03 10:00 + 59 h = 22/03 21:00; + 60 h = 22/03 22:00; + 73 h = 23/03 11:00 (Mexico City, UTC−6).
    expect(await sujetos('peticion_por_vencer', '2026-03-22T21:00:00-06:00')).toEqual([]);
    expect(await sujetos('peticion_por_vencer', '2026-03-22T22:00:00-06:00')).toEqual(['P3']);
    expect(await sujetos('peticion_vencida', '2026-03-22T22:00:00-06:00')).toEqual([]);
    expect(await sujetos('peticion_vencida', '2026-03-23T11:00:00-06:00')).toEqual(['P3']);
    expect(await sujetos('peticion_por_vencer', '2026-03-23T11:00:00-06:00')).toEqual([]);
    expect(await sujetos('peticion_por_vencer', '2026-03-21T10:00:00-06:00', { horas: 24 })).toEqual(['P3']);
  });
});

describe('Sesiones', () => {
  it('una sesión convocada con 12 h cuando el mínimo es 24 h; un acuerdo sin publicar a los 3 días', async () => {
    expect(await sujetos('sesion_sin_anticipacion', '2026-03-12T12:00:00-06:00')).toEqual(['CG-2026-6']);
    // Outside the 7-day window it is no longer watched.
    expect(await sujetos('sesion_sin_anticipacion', '2026-03-20T12:00:00-06:00')).toEqual([]);
    expect(await sujetos('acuerdo_sin_publicar', '2026-03-13T10:00:00-06:00')).toEqual([]);
    expect(await sujetos('acuerdo_sin_publicar', '2026-03-13T10:30:00-06:00')).toEqual(['OPLEV/CG021/2026']);
  });
});

describe('por el motor', () => {
  it('una regla de Oficialía creada por la API abre su alerta con mensaje en español y enlace, y utoe la ve', async () => {
    const r = await t.admin.fetch('/api/alertas/reglas', send('POST', { tipo: 'peticion_vencida' }));
    expect(r.status).toBe(201);
    await evaluateAll(t.srv.wh, ctx('2026-03-25T09:00:00-06:00'));
    const act = await t.admin.json<Array<{ tipo: string; sujeto: string; mensaje: string; enlace: string }>>('/api/alertas?estado=activa');
    const a = act.find((x) => x.tipo === 'peticion_vencida')!;
    expect(a.sujeto).toBe('P3');
    expect(a.mensaje).toMatch(/^La petición P3 \(consejo M045: Volantes\) pasó el plazo de 72 h sin atenderse/);
    expect(a.enlace).toBe('/oficialia?folio=P3');
    const tipos = await t.admin.json<Array<{ tipo: string; dominio: string }>>('/api/alertas/tipos');
    expect(tipos.find((x) => x.tipo === 'peticion_vencida')).toMatchObject({ dominio: 'oficialia' });
  });
});
