import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/core/errors.js';
import { canalBody, reglaBody, silencioBody, suscripcionBody } from '../../src/domains/alertas/schemas.js';

/* The bodies of the alerts API: good ones parse, bad ones answer a Spanish 400 naming the field. */
const bad = (schema: Parameters<typeof parseInput>[0], body: unknown) => {
  try {
    parseInput(schema, body);
  } catch (e) {
    return { parametro: (e as { parametro: string }).parametro, message: (e as Error).message };
  }
  throw new Error('se esperaba un error');
};

describe('cuerpos de la API de alertas', () => {
  it('canales', () => {
    expect(parseInput(canalBody, { tipo: 'correo', nombre: ' Guardia ', destino: 'a@ople.test, b@ople.test' })).toEqual({ tipo: 'correo', nombre: 'Guardia', destino: 'a@ople.test, b@ople.test' });
    expect(parseInput(canalBody, { tipo: 'webhook', nombre: 'Chat', destino: 'https://chat.ople.test/hook', secreto: 'x'.repeat(16) })).toMatchObject({ secreto: 'x'.repeat(16) });
    expect(bad(canalBody, { tipo: 'correo', nombre: 'G', destino: 'guardia' })).toEqual({ parametro: 'destino', message: 'El campo «destino» debe ser una dirección de correo (o varias separadas por comas).' });
    expect(bad(canalBody, { tipo: 'webhook', nombre: 'G', destino: 'ftp://x.ople.test' })).toEqual({ parametro: 'destino', message: 'El campo «destino» debe ser una URL http:// o https://.' });
    expect(bad(canalBody, { tipo: 'telegram', nombre: 'G', destino: 'x' })).toMatchObject({ parametro: 'tipo' });
    expect(bad(canalBody, { tipo: 'webhook', nombre: 'G', destino: 'https://x.ople.test', secreto: 'corto' })).toMatchObject({ parametro: 'secreto', message: 'El campo «secreto» debe tener al menos 16 caracteres.' });
    expect(bad(canalBody, { tipo: 'correo', nombre: '', destino: 'a@ople.test' })).toMatchObject({ parametro: 'nombre' });
  });

  it('reglas, silencios y suscripciones', () => {
    expect(parseInput(reglaBody, { tipo: 'servicio_caido', sujeto: 'portal', parametros: { fallos: 3 }, canales: [1, 2], recordatorio_horas: 4 })).toMatchObject({ sujeto: 'portal', canales: [1, 2] });
    expect(bad(reglaBody, { tipo: 'servicio_caido', recordatorio_horas: -1 })).toMatchObject({ parametro: 'recordatorio_horas' });
    expect(bad(reglaBody, { tipo: 'servicio_caido', canales: ['a'] })).toMatchObject({ parametro: 'canales.0' });
    expect(bad(reglaBody, { tipo: 'servicio_caido', extra: 1 })).toMatchObject({ parametro: 'cuerpo' });
    expect(parseInput(silencioBody, { sujeto: 'portal', desde: '2025-03-10T10:00', hasta: '2025-03-10T12:00', motivo: 'Mantenimiento' })).toMatchObject({ sujeto: 'portal' });
    expect(bad(silencioBody, { desde: '2025-03-10T10:00', hasta: '2025-03-10T12:00', motivo: ' ' })).toMatchObject({ parametro: 'motivo' });
    expect(bad(suscripcionBody, { regla: 1, correo: 'yo' })).toMatchObject({ parametro: 'correo' });
  });
});
