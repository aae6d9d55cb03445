import { audit } from '../../audit/log.js';
import { HttpError, InputError } from '../../core/errors.js';
import { mxInstant } from '../../core/time.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import type { Silencio } from './types.js';

export interface SilenceInput {
  regla?: number | null;
  sujeto?: string | null;
  /** ISO instants; without a zone they are Mexico City wall-clock times. */
  desde: string;
  hasta: string;
  motivo: string;
}

const COLS = 'id, regla_id AS regla, sujeto, desde, hasta, motivo, creado_por';

const withZone = (s: string): string => (/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : mxInstant(s.replace(' ', 'T')));

/**
 * A silence holds the notices of a rule and/or a subject from `desde` to `hasta` (both absent: every alert). The
 * alerts are still recorded; notices that fall inside it are never sent later (see plan.ts).
 */
export async function createSilence(wh: Warehouse, input: SilenceInput, usuario: string | null): Promise<number> {
  const desde = Date.parse(withZone(input.desde));
  const hasta = Date.parse(withZone(input.hasta));
  if (Number.isNaN(desde)) throw new InputError('desde', 'El campo «desde» debe ser una fecha y hora ISO (aaaa-mm-ddThh:mm).');
  if (Number.isNaN(hasta)) throw new InputError('hasta', 'El campo «hasta» debe ser una fecha y hora ISO (aaaa-mm-ddThh:mm).');
  if (hasta <= desde) throw new InputError('hasta', 'El campo «hasta» debe ser posterior a «desde».');
  const motivo = input.motivo.trim();
  if (!motivo) throw new InputError('motivo', 'El campo «motivo» es obligatorio: diga por qué se silencia.');
  return wh.transaction(async (c) => {
    if (input.regla !== undefined && input.regla !== null) {
      const [r] = await rowsOf(c, 'SELECT 1 FROM app.alertas_reglas WHERE id = $1', [input.regla]);
      if (!r) throw new InputError('regla', `El campo «regla» nombra una regla que no existe: ${input.regla}.`);
    }
    const [s] = await rowsOf<{ id: number }>(
      c,
      `INSERT INTO app.alertas_silencios (regla_id, sujeto, desde, hasta, motivo, creado_por)
       VALUES ($regla::INTEGER, $sujeto::VARCHAR, $desde::TIMESTAMPTZ, $hasta::TIMESTAMPTZ, $motivo, $usuario::VARCHAR) RETURNING id`,
      {
        regla: input.regla ?? null,
        sujeto: input.sujeto ?? null,
        desde: new Date(desde).toISOString(),
        hasta: new Date(hasta).toISOString(),
        motivo,
        usuario,
      },
    );
    await audit(c, usuario, 'alertas.silencio.crear', `silencio ${s!.id}`, null, { ...input, motivo });
    return s!.id;
  }, 'alertas');
}

/** Silences still in force or to come at `ahora` (vigentes), or all of them, newest first. */
export async function listSilences(wh: Warehouse, o: { vigentes?: boolean; ahora?: number } = {}): Promise<Silencio[]> {
  return wh.all<Silencio>(
    `SELECT ${COLS} FROM app.alertas_silencios WHERE NOT $vigentes OR hasta > $ahora::TIMESTAMPTZ ORDER BY desde DESC, id DESC LIMIT 1000`,
    { vigentes: o.vigentes ?? false, ahora: new Date(o.ahora ?? Date.now()).toISOString() },
  );
}

/** Lifts a silence now (its `hasta` becomes now; one that has not begun ends before it starts: it is removed). */
export async function endSilence(wh: Warehouse, id: number, usuario: string | null, ahora = Date.now()): Promise<void> {
  await wh.transaction(async (c) => {
    const [before] = await rowsOf<Silencio>(c, `SELECT ${COLS} FROM app.alertas_silencios WHERE id = $1`, [id]);
    if (!before) throw new HttpError(404, `No existe el silencio ${id}.`);
    const now = new Date(ahora).toISOString();
    if (Date.parse(before.desde) >= ahora) await c.run('DELETE FROM app.alertas_silencios WHERE id = $1', [id]);
    else if (Date.parse(before.hasta) > ahora) await c.run('UPDATE app.alertas_silencios SET hasta = $2::TIMESTAMPTZ WHERE id = $1', [id, now]);
    await audit(c, usuario, 'alertas.silencio.terminar', `silencio ${id}`, before, { hasta: now });
  }, 'alertas');
}
