import { esc, fechaDmy as fecha } from '../../core/html.js';
import { formatMx } from '../../core/time.js';
import type { FormatoCifra, InformeMensual, SeccionGenerada } from './types.js';

/** The Informe mensual as a printable page (what its PDF renders): es-MX numbers and dates, no script, no network. */

const UNIDAD: Record<FormatoCifra, string> = { numero: '', porcentaje: ' %', horas: ' h', dias: ' días', minutos: ' min' };

/** A figure as printed: 1,234.5 with its unit; «—» when there is nothing to measure. */
export function valorTexto(v: number | string | null, formato: FormatoCifra = 'numero'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return `${v.toLocaleString('es-MX', { maximumFractionDigits: 1 })}${UNIDAD[formato]}`;
}

function seccion(s: SeccionGenerada, n: number): string {
  const cifras = s.cifras.length
    ? `<dl class="cifras">${s.cifras.map((c) => `<div><dt>${esc(c.etiqueta)}</dt><dd>${esc(valorTexto(c.valor, c.formato))}</dd></div>`).join('')}</dl>`
    : `<p class="sin">${esc(s.nota)}</p>`;
  const tablas = s.tablas.map((t) => `
    <table><caption>${esc(t.titulo)}</caption>
      <thead><tr>${t.columnas.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>
      <tbody>${t.filas.map((f) => `<tr>${f.map((x) => `<td>${esc(valorTexto(x))}</td>`).join('')}</tr>`).join('')}</tbody>
    </table>`).join('');
  return `<section><h2>${n}. ${esc(s.titulo)}</h2>${cifras}${tablas}${s.cifras.length ? `<p class="nota">${esc(s.nota)}</p>` : ''}</section>`;
}

export function informeHtml(r: InformeMensual): string {
  return `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${esc(r.titulo)}</title>
<style>
  body { font: 11px/1.45 system-ui, sans-serif; color: #1a1a1a; margin: 0; }
  h1 { font-size: 18px; margin: 0 0 2px; } .sub { color: #444; margin: 0 0 12px; }
  h2 { font-size: 14px; margin: 16px 0 6px; border-bottom: 1px solid #999; break-after: avoid; }
  section { break-inside: avoid-page; }
  .cifras { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; margin: 0 0 6px; }
  .cifras div { border: 1px solid #bbb; border-radius: 4px; padding: 4px 6px; }
  dt { color: #444; font-size: 10px; } dd { margin: 0; font-size: 15px; font-weight: 700; }
  table { border-collapse: collapse; width: 100%; margin: 6px 0; } caption { text-align: left; font-weight: 600; padding: 2px 0; }
  th, td { border: 1px solid #bbb; padding: 2px 5px; text-align: right; } th:first-child, td:first-child { text-align: left; } thead th { background: #eee; }
  .nota, .sin { color: #444; margin: 2px 0; } .sin { font-style: italic; }
</style></head><body>
<h1>${esc(r.titulo)}</h1>
<p class="sub">Organismo Público Local Electoral del Estado de Veracruz · Para el Consejo General · Periodo del ${fecha(r.desde)} al ${fecha(r.hasta)} ·
Generado el ${esc(formatMx(r.generado_en, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }))} (hora de la Ciudad de México)</p>
${r.secciones.map((s, i) => seccion(s, i + 1)).join('')}
</body></html>`;
}
