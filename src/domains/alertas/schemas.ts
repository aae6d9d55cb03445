import { z } from 'zod';
import { esperado } from '../../core/errors.js';
import { instante, opcion, texto } from '../../api/input/schemas.js';
import { TIPOS_CANAL } from './types.js';

/**
 * Bodies of the alerts API (DESIGN.md §6 "Alerts"), for the routes the wiring step adds. A rule's `parametros`
 * are checked further by its type's schema (parseRuleParams) inside createRule/updateRule.
 */

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** `destino` of a channel: e-mail addresses (comma-separated) for `correo`, an http(s) URL for `webhook`. */
export function destinoProblem(tipo: string, destino: string): string | null {
  if (tipo === 'correo') {
    const list = destino.split(',').map((s) => s.trim());
    return list.length > 0 && list.length <= 20 && list.every((a) => EMAIL.test(a)) ? null : 'debe ser una dirección de correo (o varias separadas por comas)';
  }
  try {
    const u = new URL(destino);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'debe ser una URL http:// o https://';
  } catch {
    return 'debe ser una URL http:// o https://';
  }
}

const nombre = texto(100).trim().min(1, 'es obligatorio');
const secreto = texto(200).min(16, 'debe tener al menos 16 caracteres').nullable();

export const canalBody = z
  .strictObject({ tipo: opcion(TIPOS_CANAL), nombre, destino: texto(1000).trim(), secreto: secreto.optional(), activo: z.boolean().optional() })
  .superRefine((b, ctx) => {
    const p = destinoProblem(b.tipo, b.destino);
    if (p) ctx.addIssue({ code: 'custom', path: ['destino'], message: p, input: b.destino });
    if (b.tipo === 'correo' && b.secreto) ctx.addIssue({ code: 'custom', path: ['secreto'], message: 'solo aplica a canales webhook', input: b.secreto });
  });

/** PATCH of a channel: its `tipo` does not change, so `destino` is checked against the stored type by the route. */
export const canalPatch = z.strictObject({ nombre: nombre.optional(), destino: texto(1000).trim().optional(), secreto: secreto.optional(), activo: z.boolean().optional() });

const ids = z.array(z.number({ error: esperado('debe ser una lista de ids de canales') }).int().positive(), { error: esperado('debe ser una lista de ids de canales') }).max(50);
const horas = z.number({ error: esperado('debe ser un número de horas') }).min(0, 'debe ser 0 o más').max(720, 'admite a lo más 720 horas');
const parametros = z.record(z.string(), z.unknown(), { error: 'debe ser un objeto JSON' });

export const reglaBody = z.strictObject({
  tipo: texto(60),
  sujeto: texto(200).trim().min(1, 'no puede estar vacío (omítalo o use null para todos)').nullable().optional(),
  parametros: parametros.optional(),
  canales: ids.optional(),
  recordatorio_horas: horas.optional(),
  activa: z.boolean().optional(),
});

export const reglaPatch = reglaBody.omit({ tipo: true });

export const silencioBody = z.strictObject({
  regla: z.number().int().positive().nullable().optional(),
  sujeto: texto(200).trim().min(1).nullable().optional(),
  desde: instante,
  hasta: instante,
  motivo: texto(300).trim().min(1, 'es obligatorio: diga por qué se silencia'),
});

export const suscripcionBody = z.strictObject({
  regla: z.number({ error: esperado('debe ser el id de una regla') }).int().positive(),
  correo: texto(254).trim().regex(EMAIL, 'debe ser una dirección de correo electrónico'),
});
