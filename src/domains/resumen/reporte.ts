import { esc, fechaDmy as fecha } from '../../core/html.js';
import { htmlToPdf } from '../../core/pdf.js';
import { formatMx } from '../../core/time.js';
import type { ReporteDeclarado } from '../reporte.js';
import type { ResumenCard } from '../types.js';
import { resumenGeneral } from './queries.js';
import type { Formato, ResumenGeneral, SemaforoTarjeta } from './types.js';

/** The Resumen as a printable page and its PDF (what a subscription to the Resumen sends). */

const SEMAFORO: Record<SemaforoTarjeta, string> = { verde: '✓ Verde', amarillo: '! Amarillo', rojo: '✕ Rojo', sin_datos: '— Sin datos' };
const COLOR: Record<SemaforoTarjeta, string> = { verde: '#1a9850', amarillo: '#d8a200', rojo: '#b2182b', sin_datos: '#888' };

function valor(v: number | null, f: Formato): string {
  if (v === null || v === undefined) return '—';
  const n = v.toLocaleString('es-MX', { maximumFractionDigits: 1 });
  return f === 'pct' ? `${n} %` : f === 'horas' ? `${n} h` : n;
}

export function resumenHtml(r: ResumenGeneral, generado = new Date().toISOString()): string {
  const filas = r.tarjetas.map((t) => `<tr>
    <th scope="row">${esc(t.titulo)}<br><small>${esc(t.unidad)} · ${esc(t.etiqueta)}</small></th>
    <td class="v">${esc(valor(t.valor, t.formato))}</td>
    <td style="border-left:5px solid ${COLOR[t.semaforo]}">${esc(SEMAFORO[t.semaforo])}</td>
    <td>${esc(valor(t.meta.verde, t.formato))}</td>
    <td>${esc(valor(t.anterior, t.formato))}</td>
    <td>${t.cambio === null ? '—' : esc(`${t.cambio > 0 ? '+' : ''}${t.cambio.toLocaleString('es-MX', { maximumFractionDigits: 1 })}`)}</td>
    <td>${t.frescura.ultimo_exito ? esc(formatMx(t.frescura.ultimo_exito)) : 'sin cargas'}${t.frescura.desactualizado ? ' (desactualizado)' : ''}</td>
  </tr>${t.nota ? `<tr class="nota"><td colspan="7">${esc(t.nota)}</td></tr>` : ''}`).join('');
  return `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Resumen de dirección al ${fecha(r.actual.hasta)}</title>
<style>
  body { font: 11px/1.4 system-ui, sans-serif; color: #1a1a1a; margin: 0; } h1 { font-size: 18px; margin: 0 0 4px; } .meta { color: #444; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: right; vertical-align: top; }
  th[scope=row], thead th:first-child { text-align: left; } thead th { background: #eee; } small { color: #555; font-weight: normal; }
  .v { font-weight: 700; font-size: 13px; } .nota td { text-align: left; color: #555; font-size: 10px; }
</style></head><body>
<h1>Resumen de dirección</h1>
<p class="meta">Periodo: ${esc(r.periodo_nombre)}, del ${fecha(r.actual.desde)} al ${fecha(r.actual.hasta)}; comparado con el ${fecha(r.anterior.desde)}–${fecha(r.anterior.hasta)} ·
Generado el ${esc(formatMx(generado))} (hora de la Ciudad de México)</p>
<table><thead><tr><th>Indicador</th><th>Valor</th><th>Semáforo</th><th>Meta (verde)</th><th>Periodo anterior</th><th>Cambio</th><th>Última carga</th></tr></thead>
<tbody>${filas}</tbody></table>
</body></html>`;
}

/** The Resumen's PDF for a subscription: the 30 days ending on the period's last day. */
export function reporteResumen(cards: readonly ResumenCard[]): ReporteDeclarado {
  return {
    id: 'resumen',
    titulo: 'Resumen de dirección (PDF)',
    formatos: ['pdf'],
    generar: async (ctx, p) => {
      const r = await resumenGeneral(ctx.wh, cards, ctx.pipelines, 'mes', p.hasta);
      return { contenido: await htmlToPdf(resumenHtml(r), p.usuario.usuario, `Atalaya · OPLE Veracruz · Resumen al ${fecha(p.hasta)}`), nombre: `resumen_${p.hasta}.pdf` };
    },
  };
}
