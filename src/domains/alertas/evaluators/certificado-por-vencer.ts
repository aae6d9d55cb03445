import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';
import { serviceLink } from './servicio-caido.js';

/**
 * `certificado_por_vencer`: the TLS certificate of an active service expires within `dias` days (default 14), or
 * has expired. It reads `core.servicios.certificado_vence` (TIMESTAMPTZ: the expiry of the certificate the last
 * HTTPS check saw, NULL for tcp or http services), a column the HTTPS probe adds and fills in the wiring step;
 * until that column exists the evaluation fails and the engine leaves this rule's alerts as they are.
 */
export const SQL_CERTIFICADOS = `
SELECT id, nombre, certificado_vence, certificado_vence <= $ahora::TIMESTAMPTZ AS vencido,
  floor(epoch(certificado_vence - $ahora::TIMESTAMPTZ) / 86400)::INTEGER AS dias
FROM core.servicios
WHERE activo AND certificado_vence IS NOT NULL AND certificado_vence < $ahora::TIMESTAMPTZ + to_days($dias::INTEGER)
ORDER BY id`;

const params = z.strictObject({ dias: z.number().int().min(1).max(365).default(14) });

export const certificadoPorVencer: Evaluator<z.infer<typeof params>> = {
  tipo: 'certificado_por_vencer',
  parametros: params,
  async evaluar(wh, p, ctx) {
    const rows = await wh.all<{ id: string; nombre: string; certificado_vence: string; vencido: boolean; dias: number }>(SQL_CERTIFICADOS, {
      ahora: new Date(ctx.ahora).toISOString(),
      dias: p.dias,
    });
    return rows.map((r) => ({
      sujeto: r.id,
      severidad: r.vencido ? 'critica' : 'advertencia',
      mensaje: r.vencido
        ? `El certificado TLS de «${r.nombre}» venció el ${fmtInstant(r.certificado_vence)}.`
        : `El certificado TLS de «${r.nombre}» vence el ${fmtInstant(r.certificado_vence)} (${r.dias === 0 ? 'en menos de un día' : r.dias === 1 ? 'en 1 día' : `en ${r.dias} días`}).`,
      resuelta: `El certificado TLS de «${r.nombre}» ya no está por vencer (se renovó, o el servicio dejó de vigilarse).`,
      enlace: serviceLink(r.id),
    }));
  },
};
