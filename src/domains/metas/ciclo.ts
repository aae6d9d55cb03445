import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit/log.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { RESULTADOS_SQL, SNAPSHOT_SQL } from './sql.js';
import { ESTADOS_CICLO, REQUIEREN_JUSTIFICACION, type AvanceArea, type Ciclo, type EstadoCiclo, type EstadoJustificacion, type Justificacion, type Resultado, type Semaforo } from './types.js';
import { HttpError } from '../../core/errors.js';

/**
 * The quarterly evaluation cycle (DESIGN.md §3): UTP opens a cycle for (ejercicio, trimestre); each area writes a
 * justification (causa, acción correctiva, fecha compromiso) for every amber or red result and sends it; UTP
 * approves or observes each (an observed one goes back to the area); closing freezes a snapshot of figures and
 * justifications that later loads never change. Every change is audited.
 */
export class CicloError extends HttpError {
  constructor(status: 400 | 403 | 404 | 409, message: string) {
    super(status, message);
  }
}

const CAN_MANAGE = new Set(['utp', 'admin']);
// DATE columns as text (aaaa-mm-dd): a Date would become midnight UTC, the previous day in Mexico City.
const CICLO_COLS = `id, ejercicio, trimestre, fecha_limite::VARCHAR AS fecha_limite, estado, abierto_por, abierto_en, cerrado_por, cerrado_en`;
const J_COLS = `ciclo_id, tipo, clave, area, causa, accion_correctiva, fecha_compromiso::VARCHAR AS fecha_compromiso, estado, comentario, actualizado_por, actualizado_en`;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function assertManager(user: SessionUser): void {
  if (!CAN_MANAGE.has(user.rol)) throw new CicloError(403, 'Solo la Unidad Técnica de Planeación puede hacer esto.');
}

export async function getCiclo(wh: Warehouse, id: number): Promise<Ciclo> {
  const c = await wh.one<Ciclo>(`SELECT ${CICLO_COLS} FROM app.evaluacion_ciclos WHERE id = $1`, [id]);
  if (!c) throw new CicloError(404, `No existe el ciclo de evaluación ${id}.`);
  return c;
}

export async function listaCiclos(wh: Warehouse): Promise<Ciclo[]> {
  return wh.all<Ciclo>(`SELECT ${CICLO_COLS} FROM app.evaluacion_ciclos ORDER BY ejercicio DESC, trimestre DESC`);
}

/** UTP opens a cycle for (ejercicio, trimestre) with a capture deadline. */
export async function abrirCiclo(wh: Warehouse, user: SessionUser, body: unknown): Promise<Ciclo> {
  assertManager(user);
  const b = (body ?? {}) as Record<string, unknown>;
  const ejercicio = Number(b.ejercicio);
  const trimestre = Number(b.trimestre);
  const fecha = String(b.fecha_limite ?? '');
  if (!Number.isInteger(ejercicio) || ejercicio < 2000 || ejercicio > 2100) throw new CicloError(400, 'Indique el ejercicio (año).');
  if (!Number.isInteger(trimestre) || trimestre < 1 || trimestre > 4) throw new CicloError(400, 'El trimestre debe ser 1, 2, 3 o 4.');
  if (!ISO.test(fecha) || Number.isNaN(Date.parse(fecha))) throw new CicloError(400, 'La fecha límite debe tener el formato aaaa-mm-dd.');
  const n = await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.poa_actividades WHERE ejercicio = $1', [ejercicio]);
  if (!n?.n) throw new CicloError(400, `No hay actividades del POA cargadas para el ejercicio ${ejercicio}.`);
  const dup = await wh.one('SELECT id FROM app.evaluacion_ciclos WHERE ejercicio = $1 AND trimestre = $2', [ejercicio, trimestre]);
  if (dup) throw new CicloError(409, `Ya existe el ciclo del trimestre ${trimestre} de ${ejercicio}.`);
  const row = await wh.transaction(async (c) => {
    const r = await c.runAndReadAll(
      'INSERT INTO app.evaluacion_ciclos (ejercicio, trimestre, fecha_limite, abierto_por) VALUES ($1, $2, $3::DATE, $4) RETURNING id',
      [ejercicio, trimestre, fecha, user.usuario],
    );
    const id = Number(r.getRowObjectsJS()[0]!.id);
    const [ciclo] = await rowsOf<Ciclo>(c, `SELECT ${CICLO_COLS} FROM app.evaluacion_ciclos WHERE id = $1`, [id]);
    await audit(c, user.usuario, 'evaluacion.abrir', `ciclo:${id}`, null, ciclo);
    return id;
  });
  return getCiclo(wh, row);
}

const TRANSICIONES: Record<EstadoCiclo, readonly EstadoCiclo[]> = {
  abierto: ['en_revision'],
  en_revision: ['abierto', 'cerrado'],
  cerrado: [],
};

/** abierto → en_revision → cerrado (en_revision may go back to abierto); closing freezes the snapshot. */
export async function cambiarEstado(wh: Warehouse, user: SessionUser, id: number, body: unknown): Promise<Ciclo> {
  assertManager(user);
  const estado = String((body as Record<string, unknown> | null)?.estado ?? '') as EstadoCiclo;
  if (!ESTADOS_CICLO.includes(estado)) throw new CicloError(400, 'El estado debe ser «abierto», «en_revision» o «cerrado».');
  const antes = await getCiclo(wh, id);
  if (antes.estado === 'cerrado') throw new CicloError(409, 'El ciclo está cerrado; ya no admite cambios.');
  if (!TRANSICIONES[antes.estado].includes(estado)) {
    throw new CicloError(409, `No se puede pasar de «${antes.estado.replace('_', ' ')}» a «${estado.replace('_', ' ')}».`);
  }
  await wh.transaction(async (c) => {
    if (estado === 'cerrado') {
      await c.run('DELETE FROM app.evaluacion_snapshot WHERE ciclo_id = $ciclo', { ciclo: id });
      await c.run(SNAPSHOT_SQL, { ciclo: id, ejercicio: antes.ejercicio, mes_fin: 3 * antes.trimestre, area: '', clave: '' });
      await c.run('UPDATE app.evaluacion_ciclos SET estado = $1, cerrado_por = $2, cerrado_en = now() WHERE id = $3', [estado, user.usuario, id]);
    } else {
      await c.run('UPDATE app.evaluacion_ciclos SET estado = $1 WHERE id = $2', [estado, id]);
    }
    const [despues] = await rowsOf<Ciclo>(c, `SELECT ${CICLO_COLS} FROM app.evaluacion_ciclos WHERE id = $1`, [id]);
    await audit(c, user.usuario, 'evaluacion.estado', `ciclo:${id}`, antes, despues);
  });
  return getCiclo(wh, id);
}

type Fila = Omit<Resultado, 'requiere_justificacion' | 'justificacion' | 'actual'>;
type FilaJ = Justificacion & { tipo: string; clave: string };

async function resultadosVivos(wh: Warehouse, ciclo: Pick<Ciclo, 'ejercicio' | 'trimestre'>, area: string): Promise<Fila[]> {
  return wh.all<Fila>(RESULTADOS_SQL, { ejercicio: ciclo.ejercicio, mes_fin: 3 * ciclo.trimestre, area, clave: '' });
}

const key = (tipo: string, clave: string): string => `${tipo}\u0000${clave}`;

/**
 * The cycle's results for an area ('' = all) with their justifications: live while the cycle is open or under
 * review; the frozen snapshot once closed (with today's figure beside it when it differs).
 */
export async function resultadosCiclo(wh: Warehouse, ciclo: Ciclo, area: string): Promise<Resultado[]> {
  const req = (s: Semaforo | null): boolean => s !== null && REQUIEREN_JUSTIFICACION.includes(s);
  if (ciclo.estado === 'cerrado') {
    const snap = await wh.all<Fila & { causa: string | null; accion_correctiva: string | null; fecha_compromiso: string | null; estado_justificacion: EstadoJustificacion | null; comentario: string | null; congelado_en: string }>(
      `SELECT * REPLACE (fecha_compromiso::VARCHAR AS fecha_compromiso) FROM app.evaluacion_snapshot WHERE ciclo_id = $1 AND ($2 = '' OR area = $2) ORDER BY tipo, clave`, [ciclo.id, area]);
    const vivos = new Map((await resultadosVivos(wh, ciclo, area)).map((r) => [key(r.tipo, r.clave), r]));
    return snap.map((s) => {
      const v = vivos.get(key(s.tipo, s.clave));
      const differs = !v || v.programado !== s.programado || v.realizado !== s.realizado || v.semaforo !== s.semaforo;
      return {
        tipo: s.tipo, clave: s.clave, area: s.area, programa: s.programa, programa_especifico: s.programa_especifico, descripcion: s.descripcion,
        programado: s.programado, realizado: s.realizado, avance_pct: s.avance_pct, semaforo: s.semaforo, clasificacion: s.clasificacion,
        requiere_justificacion: req(s.semaforo),
        justificacion: s.estado_justificacion
          ? { causa: s.causa, accion_correctiva: s.accion_correctiva, fecha_compromiso: s.fecha_compromiso, estado: s.estado_justificacion, comentario: s.comentario, actualizado_por: null, actualizado_en: s.congelado_en }
          : null,
        actual: differs ? (v ? { programado: v.programado, realizado: v.realizado, avance_pct: v.avance_pct, semaforo: v.semaforo } : null) : undefined,
      };
    });
  }
  const rows = await resultadosVivos(wh, ciclo, area);
  const js = await wh.all<FilaJ>(
    `SELECT ${J_COLS}
     FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND ($2 = '' OR area = $2)`, [ciclo.id, area]);
  const jm = new Map(js.map((j) => [key(j.tipo, j.clave), j]));
  return rows
    .map((r) => {
      const j = jm.get(key(r.tipo, r.clave));
      return {
        ...r,
        requiere_justificacion: req(r.semaforo),
        justificacion: j ? { causa: j.causa, accion_correctiva: j.accion_correctiva, fecha_compromiso: j.fecha_compromiso, estado: j.estado, comentario: j.comentario, actualizado_por: j.actualizado_por, actualizado_en: j.actualizado_en } : null,
      };
    })
    .sort((a, b) => a.area.localeCompare(b.area) || a.tipo.localeCompare(b.tipo) || a.clave.localeCompare(b.clave, 'es', { numeric: true }));
}

const completa = (j: Justificacion | null): boolean =>
  !!j && !!j.causa?.trim() && !!j.accion_correctiva?.trim() && !!j.fecha_compromiso;

/** Capture progress of each area: results needing a justification, and how many are drafted, sent, approved, observed. */
export function avancePorArea(resultados: Resultado[], envios: Map<string, string>): AvanceArea[] {
  const by = new Map<string, AvanceArea>();
  for (const r of resultados) {
    let a = by.get(r.area);
    if (!a) {
      a = { area: r.area, resultados: 0, requieren: 0, sin_justificar: 0, borrador: 0, enviadas: 0, aprobadas: 0, observadas: 0, enviado_en: envios.get(r.area) ?? null, estado: 'pendiente' };
      by.set(r.area, a);
    }
    a.resultados++;
    if (r.requiere_justificacion) {
      a.requieren++;
      if (!completa(r.justificacion)) a.sin_justificar++;
    }
    const e = r.justificacion?.estado;
    if (e === 'borrador') a.borrador++;
    else if (e === 'enviada') a.enviadas++;
    else if (e === 'aprobada') a.aprobadas++;
    else if (e === 'observada') a.observadas++;
  }
  for (const a of by.values()) {
    a.estado = a.observadas > 0 ? 'observado'
      : a.requieren === 0 && a.enviadas + a.aprobadas === 0 ? 'sin_pendientes'
      : a.enviadas + a.aprobadas > 0 && a.borrador === 0 && a.sin_justificar === 0 ? (a.enviadas === 0 ? 'aprobado' : 'enviado')
      : 'pendiente';
  }
  return [...by.values()].sort((x, y) => x.area.localeCompare(y.area));
}

export async function enviosDe(wh: Warehouse, cicloId: number): Promise<Map<string, string>> {
  const rows = await wh.all<{ area: string; enviado_en: string }>('SELECT area, enviado_en FROM app.evaluacion_envios WHERE ciclo_id = $1', [cicloId]);
  return new Map(rows.map((r) => [r.area, r.enviado_en]));
}

/** The area a result belongs to (from the warehouse), or a 404. */
async function areaDeResultado(wh: Warehouse, ciclo: Ciclo, tipo: string, clave: string): Promise<string> {
  const [a, b] = clave.split('|');
  let row: { area: string | null } | undefined;
  if (tipo === 'actividad' && a && b && /^\d+$/.test(b)) {
    row = await wh.one('SELECT area FROM core.poa_actividades WHERE ejercicio = $1 AND programa_especifico = $2 AND num_actividad = $3', [ciclo.ejercicio, a, Number(b)]);
  } else if (tipo === 'indicador' && a && b) {
    row = await wh.one(
      `SELECT i.area FROM core.indicadores i JOIN core.indicador_mediciones m USING (ejercicio, clave)
       WHERE i.ejercicio = $1 AND i.clave = $2 AND m.periodo = $3`, [ciclo.ejercicio, a, b]);
  } else {
    throw new CicloError(400, 'El tipo debe ser «actividad» o «indicador» y la clave «programa_especifico|num_actividad» o «clave|periodo».');
  }
  if (!row?.area) throw new CicloError(404, `No existe el resultado «${clave}» en el ejercicio ${ciclo.ejercicio}.`);
  return row.area;
}

function assertAreaWriter(user: SessionUser, area: string): void {
  if (user.rol === 'area') {
    if (!user.area || user.area !== area) throw new CicloError(403, `Solo puede capturar justificaciones de su área (${user.area ?? 'sin área'}).`);
    return;
  }
  if (!CAN_MANAGE.has(user.rol)) throw new CicloError(403, 'Su rol solo puede consultar el ciclo de evaluación.');
}

function texto(v: unknown, campo: string, max = 4000): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new CicloError(400, `El campo «${campo}» debe ser texto.`);
  const s = v.trim();
  if (s.length > max) throw new CicloError(400, `El campo «${campo}» admite a lo más ${max} caracteres.`);
  return s || null;
}

/** An area (or UTP on its behalf) writes the justification of one result; it stays a draft until sent. */
export async function guardarJustificacion(wh: Warehouse, user: SessionUser, id: number, body: unknown): Promise<Justificacion & { tipo: string; clave: string; area: string }> {
  const b = (body ?? {}) as Record<string, unknown>;
  const tipo = String(b.tipo ?? '');
  const clave = String(b.clave ?? '');
  const ciclo = await getCiclo(wh, id);
  const area = await areaDeResultado(wh, ciclo, tipo, clave);
  assertAreaWriter(user, area);
  if (ciclo.estado === 'cerrado') throw new CicloError(409, 'El ciclo está cerrado; ya no admite cambios.');
  const causa = texto(b.causa, 'causa');
  const accion = texto(b.accion_correctiva, 'acción correctiva');
  const fecha = b.fecha_compromiso === undefined || b.fecha_compromiso === null || b.fecha_compromiso === '' ? null : String(b.fecha_compromiso);
  if (fecha !== null && (!ISO.test(fecha) || Number.isNaN(Date.parse(fecha)))) throw new CicloError(400, 'La fecha compromiso debe tener el formato aaaa-mm-dd.');
  const antes = await wh.one<FilaJ & { area: string }>(
    `SELECT ${J_COLS} FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3`, [id, tipo, clave]);
  if (antes && (antes.estado === 'enviada' || antes.estado === 'aprobada')) {
    throw new CicloError(409, `La justificación ya está ${antes.estado}; solo se corrige si la UTP la observa.`);
  }
  if (ciclo.estado === 'en_revision' && antes?.estado !== 'observada') {
    throw new CicloError(409, 'El ciclo está en revisión: solo pueden corregirse las justificaciones observadas.');
  }
  // An observed justification stays observada until it is sent again, so the area sees it still needs sending.
  const estado: EstadoJustificacion = antes?.estado === 'observada' ? 'observada' : 'borrador';
  return wh.transaction(async (c) => {
    await c.run('DELETE FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3', [id, tipo, clave]);
    await c.run(
      `INSERT INTO app.evaluacion_justificaciones (ciclo_id, tipo, clave, area, causa, accion_correctiva, fecha_compromiso, estado, comentario, actualizado_por)
       VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, $8, $9, $10)`,
      [id, tipo, clave, area, causa, accion, fecha, estado, antes?.comentario ?? null, user.usuario],
    );
    const [despues] = await rowsOf<FilaJ & { area: string }>(c,
      `SELECT ${J_COLS} FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3`, [id, tipo, clave]);
    await audit(c, user.usuario, 'evaluacion.justificar', `ciclo:${id}:${tipo}:${clave}`, antes ?? null, despues);
    return despues!;
  });
}

/**
 * An area sends its results: every amber or red result must have a complete justification (causa, acción
 * correctiva, fecha compromiso), else 400 naming them. Drafts and observed ones become enviada.
 */
export async function enviarArea(wh: Warehouse, user: SessionUser, id: number, body: unknown): Promise<{ area: string; enviadas: number }> {
  const ciclo = await getCiclo(wh, id);
  const pedida = String((body as Record<string, unknown> | null)?.area ?? '').trim();
  const area = user.rol === 'area' ? (user.area ?? '') : pedida;
  if (user.rol === 'area' && pedida && pedida !== area) throw new CicloError(403, `Solo puede enviar los resultados de su área (${area}).`);
  if (!area) throw new CicloError(400, 'Indique el área.');
  assertAreaWriter(user, area);
  if (ciclo.estado === 'cerrado') throw new CicloError(409, 'El ciclo está cerrado; ya no admite cambios.');
  const rs = await resultadosCiclo(wh, ciclo, area);
  const faltan = rs.filter((r) => r.requiere_justificacion && !completa(r.justificacion));
  if (faltan.length) {
    const lista = faltan.slice(0, 5).map((r) => r.clave.replace('|', ' ')).join(', ');
    throw new CicloError(400,
      `No se puede enviar: ${faltan.length === 1 ? 'falta la justificación' : `faltan ${faltan.length} justificaciones`} (causa, acción correctiva y fecha compromiso) de resultados en amarillo o rojo: ${lista}${faltan.length > 5 ? '…' : ''}.`);
  }
  if (ciclo.estado === 'en_revision' && !rs.some((r) => r.justificacion?.estado === 'observada')) {
    throw new CicloError(409, 'El ciclo está en revisión y su área no tiene justificaciones observadas por enviar.');
  }
  const antes = rs.filter((r) => r.justificacion && (r.justificacion.estado === 'borrador' || r.justificacion.estado === 'observada')).map((r) => ({ tipo: r.tipo, clave: r.clave, estado: r.justificacion!.estado }));
  await wh.transaction(async (c) => {
    await c.run(
      `UPDATE app.evaluacion_justificaciones SET estado = 'enviada', actualizado_por = $3, actualizado_en = now()
       WHERE ciclo_id = $1 AND area = $2 AND estado IN ('borrador', 'observada')`, [id, area, user.usuario]);
    await c.run('DELETE FROM app.evaluacion_envios WHERE ciclo_id = $1 AND area = $2', [id, area]);
    await c.run('INSERT INTO app.evaluacion_envios (ciclo_id, area, enviado_por) VALUES ($1, $2, $3)', [id, area, user.usuario]);
    await audit(c, user.usuario, 'evaluacion.enviar', `ciclo:${id}:area:${area}`, antes, antes.map((x) => ({ ...x, estado: 'enviada' })));
  });
  return { area, enviadas: antes.length };
}

/** UTP approves or observes (with a comment, which returns it to the area) a sent justification. */
export async function revisarJustificacion(wh: Warehouse, user: SessionUser, id: number, body: unknown): Promise<FilaJ & { area: string }> {
  assertManager(user);
  const b = (body ?? {}) as Record<string, unknown>;
  const tipo = String(b.tipo ?? '');
  const clave = String(b.clave ?? '');
  const estado = String(b.estado ?? '');
  const comentario = texto(b.comentario, 'comentario');
  if (estado !== 'aprobada' && estado !== 'observada') throw new CicloError(400, 'La revisión debe ser «aprobada» u «observada».');
  if (estado === 'observada' && !comentario) throw new CicloError(400, 'Escriba un comentario que explique la observación.');
  const ciclo = await getCiclo(wh, id);
  if (ciclo.estado === 'cerrado') throw new CicloError(409, 'El ciclo está cerrado; ya no admite cambios.');
  const antes = await wh.one<FilaJ & { area: string }>(
    `SELECT ${J_COLS} FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3`, [id, tipo, clave]);
  if (!antes) throw new CicloError(404, `No hay justificación de «${clave}» en este ciclo.`);
  if (antes.estado !== 'enviada') throw new CicloError(409, 'Solo se revisan justificaciones enviadas.');
  return wh.transaction(async (c) => {
    await c.run(
      `UPDATE app.evaluacion_justificaciones SET estado = $4, comentario = $5, actualizado_por = $6, actualizado_en = now()
       WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3`, [id, tipo, clave, estado, comentario ?? antes.comentario, user.usuario]);
    const [despues] = await rowsOf<FilaJ & { area: string }>(c,
      `SELECT ${J_COLS} FROM app.evaluacion_justificaciones WHERE ciclo_id = $1 AND tipo = $2 AND clave = $3`, [id, tipo, clave]);
    await audit(c, user.usuario, 'evaluacion.revisar', `ciclo:${id}:${tipo}:${clave}`, antes, despues);
    return despues!;
  });
}

/** The cycle before this one (previous quarter, or Q4 of the previous year). */
export function trimestreAnterior(ejercicio: number, trimestre: number): { ejercicio: number; trimestre: number } {
  return trimestre === 1 ? { ejercicio: ejercicio - 1, trimestre: 4 } : { ejercicio, trimestre: trimestre - 1 };
}

/** Results of the previous quarter: its frozen snapshot when that cycle is closed, else computed live. */
export async function resultadosAnteriores(wh: Warehouse, ciclo: Ciclo, area: string): Promise<Resultado[]> {
  const prev = trimestreAnterior(ciclo.ejercicio, ciclo.trimestre);
  const c = await wh.one<Ciclo>(`SELECT ${CICLO_COLS} FROM app.evaluacion_ciclos WHERE ejercicio = $1 AND trimestre = $2`, [prev.ejercicio, prev.trimestre]);
  if (c) return resultadosCiclo(wh, c, area);
  const rows = await resultadosVivos(wh, prev, area);
  return rows.map((r) => ({ ...r, requiere_justificacion: false, justificacion: null }));
}
