import type { Pipeline } from '../../../pipelines/runner/types.js';
import { getUser } from '../../auth/users.js';
import { fechaDmy as fecha } from '../../core/html.js';
import type { Warehouse } from '../../db/warehouse.js';
import { puedeRecibir, type Catalogo } from './catalogo.js';
import type { EnviarCorreo } from './correo.js';
import { ESPERAS_MIN, MAX_INTENTOS, periodoDe, proximoEnvio } from './periodo.js';
import { pendientes, registrarIntento, type FilaSuscripcion } from './queries.js';
import { FRECUENCIA_NOMBRE, type ResultadoEnvio } from './types.js';

export interface DepsEnvio {
  wh: Warehouse;
  pipelines: readonly Pipeline[];
  catalogo: Catalogo;
  enviar: EnviarCorreo;
}

const TIPO = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * One attempt at a subscription's sending of `slot` (its scheduled time): checks the user may still receive it,
 * builds the document for the period with the user's own scope, e-mails it, and logs the result. A failure is
 * retried after ESPERAS_MIN; after MAX_INTENTOS failures the period is given up and the next one scheduled.
 */
export async function intentarEnvio(d: DepsEnvio, s: FilaSuscripcion, ahora: Date, slot = new Date(s.proximo_envio)): Promise<{ resultado: ResultadoEnvio; detalle: string | null }> {
  const periodo = periodoDe(s.frecuencia, slot);
  const intento = s.intentos + 1;
  const siguiente = proximoEnvio(s.frecuencia, new Date(Math.max(ahora.getTime(), slot.getTime()))).toISOString();
  const entrada = d.catalogo.get(s.reporte);
  const u = await getUser(d.wh, s.usuario);
  const impedimento = !entrada ? 'El reporte ya no existe.' : !u ? 'El usuario ya no existe.' : puedeRecibir(entrada, u) ?? (entrada.reporte.formatos.includes(s.formato) ? null : `El reporte ya no se ofrece en ${s.formato.toUpperCase()}.`);
  const base = { periodo_hasta: periodo.hasta, intento, archivo: null, bytes: null };
  if (impedimento || !entrada || !u) {
    // Never sends what the user can no longer open; the subscription waits for its next period.
    await registrarIntento(d.wh, s.id, ahora, { ...base, resultado: 'omitido', detalle: impedimento, proximo_envio: siguiente, reintento_en: null, intentos: 0 });
    return { resultado: 'omitido', detalle: impedimento };
  }
  let archivo: string | null = null;
  let bytes: number | null = null;
  try {
    const doc = await entrada.reporte.generar({ wh: d.wh, pipelines: d.pipelines }, { formato: s.formato, ...periodo, usuario: u });
    archivo = doc.nombre;
    bytes = doc.contenido.length;
    await d.enviar({
      para: s.destino,
      asunto: `Atalaya · ${entrada.reporte.titulo} · ${fecha(periodo.desde)} al ${fecha(periodo.hasta)}`,
      texto: `Se adjunta «${entrada.reporte.titulo}» del ${fecha(periodo.desde)} al ${fecha(periodo.hasta)}, con lo que el usuario ${s.usuario} puede consultar en Atalaya.\n\n`
        + `Frecuencia: ${FRECUENCIA_NOMBRE[s.frecuencia]}. Para cambiar o cancelar esta suscripción, entre a Atalaya → Reportes programados.`,
      adjunto: { nombre: doc.nombre, contenido: doc.contenido, tipo: TIPO[s.formato] },
    });
    await registrarIntento(d.wh, s.id, ahora, { ...base, archivo, bytes, resultado: 'enviado', detalle: null, proximo_envio: siguiente, reintento_en: null, intentos: 0 });
    return { resultado: 'enviado', detalle: null };
  } catch (e) {
    const motivo = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 500);
    const agotado = intento >= MAX_INTENTOS;
    const detalle = agotado ? `${motivo} Se agotaron los ${MAX_INTENTOS} intentos; se enviará el siguiente periodo.` : `${motivo} Se reintentará en ${ESPERAS_MIN[intento - 1]} min.`;
    await registrarIntento(d.wh, s.id, ahora, {
      ...base, archivo, bytes, resultado: 'fallido', detalle,
      proximo_envio: agotado ? siguiente : s.proximo_envio,
      reintento_en: agotado ? null : new Date(ahora.getTime() + ESPERAS_MIN[intento - 1]! * 60_000).toISOString(),
      intentos: agotado ? 0 : intento,
    });
    return { resultado: 'fallido', detalle };
  }
}

/** The scheduler's job: every subscription whose time (or retry time) has come, one after another. */
export async function enviarPendientes(d: DepsEnvio, ahora = new Date()): Promise<Array<{ id: number; resultado: ResultadoEnvio }>> {
  const out = [];
  for (const s of await pendientes(d.wh, ahora)) out.push({ id: s.id, resultado: (await intentarEnvio(d, s, ahora)).resultado });
  return out;
}
