import { TZ } from '../../core/time.js';
import type { OutgoingMail } from './transports/index.js';
import { EVENTO_NOMBRE, SEVERIDAD_NOMBRE, TIPOS_REGLA, type Alerta, type EventoAlerta } from './types.js';

/**
 * The Spanish text of notices: e-mail (subject, plain text and simple HTML) and the webhook body. One message may
 * carry several events (notices grouped per recipient and minute); each event carries the alert as it was at
 * that event (active for a firing or reminder, resolved with its end for a resolved notice).
 */

/** The alert as a notice shows it (the `alerta` of a webhook, DESIGN.md §6, plus the absolute link). */
export type NoticeAlert = Omit<Alerta, 'area'>;

export interface NoticeItem {
  evento: EventoAlerta;
  alerta: NoticeAlert;
  /** When the event happened (ISO). */
  cuando: string;
  /** The text of the alert's resolved notice, when its evaluator gave one. */
  resuelta?: string | null;
}

/** What a resolved notice says: the evaluator's text, or the alert's message after «Se resolvió». */
const resolvedText = (it: NoticeItem): string => it.resuelta ?? `Se resolvió: ${it.alerta.mensaje}`;

const PANEL_ALERTAS = '/alertas';

export function absoluteLink(publicUrl: string, enlace: string): string {
  if (/^https?:\/\//i.test(enlace)) return enlace;
  return `${publicUrl.replace(/\/+$/, '')}${enlace.startsWith('/') ? '' : '/'}${enlace}`;
}

/** dd/mm/aaaa hh:mm in Mexico City. */
export function fmtInstant(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('es-MX', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
  // hourCycle h23, not hour12: false, which writes midnight as 24:00.
  const time = d.toLocaleTimeString('es-MX', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${date} ${time}`;
}

export function fmtDuration(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

const ruleTitle = (tipo: string): string => (TIPOS_REGLA as Record<string, { titulo: string }>)[tipo]?.titulo ?? tipo;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The facts of one event as lines of text: heading, the alert's message, its times. */
function itemLines(it: NoticeItem): { titulo: string; detalle: string[] } {
  const a = it.alerta;
  const head = `${EVENTO_NOMBRE[it.evento]} · ${SEVERIDAD_NOMBRE[a.severidad]} · ${ruleTitle(a.tipo)}`;
  const detalle = [it.evento === 'resuelta' ? resolvedText(it) : a.mensaje];
  if (it.evento === 'resuelta' && a.fin) {
    if (it.resuelta) detalle.push(`Alerta: ${a.mensaje}`);
    detalle.push(`Se resolvió el ${fmtInstant(a.fin)}; duró ${fmtDuration(Date.parse(a.fin) - Date.parse(a.inicio))} (desde el ${fmtInstant(a.inicio)}).`);
  } else if (it.evento === 'recordatorio') {
    detalle.push(`Sigue activa desde el ${fmtInstant(a.inicio)} (${fmtDuration(Date.parse(it.cuando) - Date.parse(a.inicio))}).`);
  } else {
    detalle.push(`Desde el ${fmtInstant(a.inicio)}.`);
  }
  return { titulo: head, detalle };
}

function countsText(items: readonly NoticeItem[]): string {
  const n = (e: EventoAlerta): number => items.filter((i) => i.evento === e).length;
  const parts: string[] = [];
  const d = n('disparada');
  const r = n('recordatorio');
  const s = n('resuelta');
  if (d) parts.push(`${d} ${d === 1 ? 'disparada' : 'disparadas'}`);
  if (r) parts.push(`${r} ${r === 1 ? 'recordatorio' : 'recordatorios'}`);
  if (s) parts.push(`${s} ${s === 1 ? 'resuelta' : 'resueltas'}`);
  return parts.join(', ');
}

function subjectOf(items: readonly NoticeItem[]): string {
  if (items.length === 1) {
    const it = items[0]!;
    const lead = it.evento === 'disparada' ? `Alerta ${SEVERIDAD_NOMBRE[it.alerta.severidad].toLowerCase()}` : it.evento === 'recordatorio' ? 'Sigue activa' : 'Resuelta';
    return `[Atalaya] ${lead}: ${clip(it.evento === 'resuelta' ? (it.resuelta ?? it.alerta.mensaje) : it.alerta.mensaje, 160)}`;
  }
  return `[Atalaya] ${items.length} avisos de alertas (${countsText(items)})`;
}

const FOOTER = 'Este aviso lo envió Atalaya, el tablero de seguimiento de la Secretaría Ejecutiva del OPLE Veracruz.';

/** The e-mail of a group of events for one recipient. */
export function mailOf(para: string, items: readonly NoticeItem[], publicUrl: string): OutgoingMail {
  const blocks = items.map((it) => ({ ...itemLines(it), url: absoluteLink(publicUrl, it.alerta.enlace) }));
  const panel = absoluteLink(publicUrl, PANEL_ALERTAS);
  const intro = items.length === 1 ? 'Atalaya le avisa:' : `Atalaya le avisa de ${items.length} eventos de alertas (${countsText(items)}):`;
  const texto = [
    intro,
    '',
    ...blocks.flatMap((b) => [`■ ${b.titulo}`, ...b.detalle.map((l) => `  ${l}`), `  Ver: ${b.url}`, '']),
    `Todas las alertas: ${panel}`,
    '',
    FOOTER,
  ].join('\n');
  const html = `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.4">
<p>${escapeHtml(intro)}</p>
${blocks
  .map(
    (b) => `<div style="border-left:4px solid #555;padding:4px 10px;margin:10px 0">
<p style="margin:0"><strong>${escapeHtml(b.titulo)}</strong></p>
${b.detalle.map((l) => `<p style="margin:4px 0">${escapeHtml(l)}</p>`).join('\n')}
<p style="margin:4px 0"><a href="${escapeHtml(b.url)}">Ver en Atalaya</a></p></div>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(panel)}">Todas las alertas</a></p>
<p style="color:#555;font-size:smaller">${escapeHtml(FOOTER)}</p></body></html>`;
  return { para, asunto: subjectOf(items), texto, html };
}

function textLine(it: NoticeItem, publicUrl: string): string {
  const a = it.alerta;
  const url = absoluteLink(publicUrl, a.enlace);
  if (it.evento === 'disparada') return `Alerta disparada (${SEVERIDAD_NOMBRE[a.severidad].toLowerCase()}): ${a.mensaje} ${url}`;
  if (it.evento === 'recordatorio') return `Alerta aún activa desde el ${fmtInstant(a.inicio)}: ${a.mensaje} ${url}`;
  const dur = a.fin ? ` (duró ${fmtDuration(Date.parse(a.fin) - Date.parse(a.inicio))})` : '';
  return `Alerta resuelta${dur}: ${it.resuelta ?? a.mensaje} ${url}`;
}

/**
 * The webhook body (DESIGN.md §6): `{"evento", "alerta", "texto"}`. A grouped message names its most recent event
 * in `evento`/`alerta` (the latest state) and lists every event, oldest first, in `eventos`; `texto` covers all.
 */
export function webhookBodyOf(items: readonly NoticeItem[], publicUrl: string): string {
  const last = items[items.length - 1]!;
  const withLink = (a: NoticeAlert): NoticeAlert => ({ ...a, enlace: absoluteLink(publicUrl, a.enlace) });
  const texto =
    items.length === 1
      ? textLine(last, publicUrl)
      : [`${items.length} avisos de alertas (${countsText(items)}):`, ...items.map((i) => `• ${textLine(i, publicUrl)}`)].join('\n');
  return JSON.stringify({
    evento: last.evento,
    alerta: withLink(last.alerta),
    texto,
    eventos: items.map((i) => ({ evento: i.evento, cuando: i.cuando, alerta: withLink(i.alerta) })),
  });
}

const TEST_TEXT = (nombre: string): string =>
  `Aviso de prueba del canal «${nombre}» de Atalaya: si lo recibe, este canal recibirá los avisos de alertas.`;

export function testMailOf(para: string, nombre: string, publicUrl: string): OutgoingMail {
  const panel = absoluteLink(publicUrl, PANEL_ALERTAS);
  const texto = `${TEST_TEXT(nombre)}\n\nAlertas: ${panel}\n\n${FOOTER}`;
  const html = `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">
<p>${escapeHtml(TEST_TEXT(nombre))}</p><p><a href="${escapeHtml(panel)}">Alertas</a></p>
<p style="color:#555;font-size:smaller">${escapeHtml(FOOTER)}</p></body></html>`;
  return { para, asunto: `[Atalaya] Aviso de prueba del canal «${nombre}»`, texto, html };
}

/** A test notice: `evento` "prueba", no alert (`alerta` null). */
export function testWebhookBodyOf(nombre: string): string {
  return JSON.stringify({ evento: 'prueba', alerta: null, texto: TEST_TEXT(nombre), eventos: [] });
}
