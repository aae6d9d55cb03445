import { loadExcel } from '../../core/lazy-libs.js';
import type { Warehouse } from '../../db/warehouse.js';
import { getCiclo, resultadosAnteriores, resultadosCiclo, trimestreAnterior } from './ciclo.js';
import { htmlToPdf } from '../../core/pdf.js';
import { ESTADO_CICLO_NOMBRE, ESTADO_JUSTIFICACION_NOMBRE, SEMAFOROS, SEMAFORO_ICONO, SEMAFORO_NOMBRE, type Conteo, type ReporteCiclo, type Semaforo } from './types.js';
import { formatMx } from '../../core/time.js';

/** The report of an evaluation cycle: summary by area, amber and red results with their justifications, and the comparison with the previous quarter. */
const vacio = (): Conteo => ({ verde: 0, amarillo: 0, rojo: 0, rebasada: 0, sin_meta: 0, total: 0 });
function contar(c: Conteo, s: Semaforo | null): void {
  if (!s) return;
  c[s]++;
  c.total++;
}

export async function reporteCiclo(wh: Warehouse, id: number, area = ''): Promise<ReporteCiclo> {
  const ciclo = await getCiclo(wh, id);
  const actuales = await resultadosCiclo(wh, ciclo, area);
  const previos = await resultadosAnteriores(wh, ciclo, area);
  const prevMap = new Map(previos.map((r) => [`${r.tipo}|${r.clave}`, r.semaforo]));
  const areas = new Map<string, Conteo & { area: string; anterior: Conteo }>();
  const get = (a: string) => {
    let x = areas.get(a);
    if (!x) areas.set(a, (x = { area: a, ...vacio(), anterior: vacio() }));
    return x;
  };
  const totales = { ...vacio(), anterior: vacio() };
  for (const r of actuales) {
    contar(get(r.area), r.semaforo);
    contar(totales, r.semaforo);
  }
  for (const r of previos) {
    contar(get(r.area).anterior, r.semaforo);
    contar(totales.anterior, r.semaforo);
  }
  return {
    ciclo,
    anterior: trimestreAnterior(ciclo.ejercicio, ciclo.trimestre),
    generado_en: new Date().toISOString(),
    totales,
    por_area: [...areas.values()].sort((a, b) => a.area.localeCompare(b.area)),
    observados: actuales
      .filter((r) => r.requiere_justificacion)
      .map((r) => ({ ...r, semaforo_anterior: prevMap.get(`${r.tipo}|${r.clave}`) ?? null }))
      .sort((a, b) => a.area.localeCompare(b.area) || (a.semaforo === b.semaforo ? 0 : a.semaforo === 'rojo' ? -1 : 1) || a.clave.localeCompare(b.clave)),
  };
}

const sem = (s: Semaforo | null): string => (s ? `${SEMAFORO_ICONO[s]} ${SEMAFORO_NOMBRE[s]}` : '—');
const num = (x: number | null | undefined, d = 1): string =>
  x === null || x === undefined ? '—' : x.toLocaleString('es-MX', { maximumFractionDigits: d, minimumFractionDigits: 0 });
const fecha = (iso: string | null): string => {
  if (!iso) return '—';
  const d = iso.slice(0, 10).split('-');
  return `${d[2]}/${d[1]}/${d[0]}`;
};
const fechaHora = (iso: string): string => formatMx(iso, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The report as a printable HTML page (what the PDF renders). */
export function reporteHtml(r: ReporteCiclo): string {
  const c = r.ciclo;
  const fila = (nombre: string, x: Conteo & { anterior: Conteo }): string =>
    `<tr><th scope="row">${esc(nombre)}</th>${SEMAFOROS.map((s) => `<td>${x[s]} <small>(${x.anterior[s]})</small></td>`).join('')}<td>${x.total} <small>(${x.anterior.total})</small></td></tr>`;
  const obs = r.observados.map((o) => `
    <article class="obs ${esc(o.semaforo)}">
      <h3><span class="sem">${esc(sem(o.semaforo))}</span> ${esc(o.area)} · ${esc(o.descripcion)}</h3>
      <p class="cifras">${o.tipo === 'actividad' ? 'Programado' : 'Meta del periodo'}: ${num(o.programado)} · ${o.tipo === 'actividad' ? 'Realizado' : 'Valor'}: ${num(o.realizado)} · Avance: ${num(o.avance_pct)} % · Trimestre anterior: ${esc(sem(o.semaforo_anterior))}</p>
      ${o.justificacion ? `<dl>
        <dt>Causa</dt><dd>${esc(o.justificacion.causa ?? '—')}</dd>
        <dt>Acción correctiva</dt><dd>${esc(o.justificacion.accion_correctiva ?? '—')}</dd>
        <dt>Fecha compromiso</dt><dd>${esc(fecha(o.justificacion.fecha_compromiso))}</dd>
        <dt>Estado</dt><dd>${esc(ESTADO_JUSTIFICACION_NOMBRE[o.justificacion.estado] ?? o.justificacion.estado)}${o.justificacion.comentario ? ` — Comentario de la UTP: ${esc(o.justificacion.comentario)}` : ''}</dd>
      </dl>` : '<p class="sin">Sin justificación.</p>'}
    </article>`).join('');
  return `<!doctype html><html lang="es-MX"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Evaluación del trimestre ${c.trimestre} de ${c.ejercicio}</title>
<style>
  body { font: 11px/1.4 system-ui, sans-serif; color: #1a1a1a; margin: 0; }
  h1 { font-size: 18px; margin: 0 0 4px; } h2 { font-size: 14px; margin: 18px 0 6px; border-bottom: 1px solid #999; }
  h3 { font-size: 12px; margin: 0 0 4px; } small { color: #555; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: right; }
  th[scope=row], thead th:first-child { text-align: left; } thead th { background: #eee; }
  .obs { border: 1px solid #bbb; border-left: 6px solid #888; padding: 6px 8px; margin: 6px 0; break-inside: avoid; }
  .obs.rojo { border-left-color: #b2182b; } .obs.amarillo { border-left-color: #d8a200; }
  dl { display: grid; grid-template-columns: 9em 1fr; gap: 2px 8px; margin: 4px 0 0; } dt { font-weight: 600; } dd { margin: 0; }
  .cifras { margin: 0; color: #333; } .meta { color: #444; }
</style></head><body>
<h1>Evaluación del trimestre ${c.trimestre} de ${c.ejercicio}</h1>
<p class="meta">Estado del ciclo: ${esc(ESTADO_CICLO_NOMBRE[c.estado])} · Fecha límite de captura: ${fecha(c.fecha_limite)}${c.cerrado_en ? ` · Cerrado el ${esc(fechaHora(c.cerrado_en))}` : ''} · Generado el ${esc(fechaHora(r.generado_en))}</p>
<p class="meta">Cifras acumuladas de enero al cierre del trimestre. Entre paréntesis, el trimestre ${r.anterior.trimestre} de ${r.anterior.ejercicio}.
Semáforo: verde 90–130 %, amarillo 70–90 %, rojo menos de 70 %, rebasada más de 130 %, sin meta cuando no se programó ni se realizó nada.</p>
<h2>Resumen por área</h2>
<table><thead><tr><th>Área</th>${SEMAFOROS.map((s) => `<th>${esc(sem(s))}</th>`).join('')}<th>Total</th></tr></thead>
<tbody>${r.por_area.map((a) => fila(a.area, a)).join('')}</tbody>
<tfoot>${fila('Instituto', r.totales)}</tfoot></table>
<h2>Resultados en amarillo y rojo, con su justificación (${r.observados.length})</h2>
${obs || '<p>No hay resultados en amarillo ni en rojo.</p>'}
</body></html>`;
}

/** The report as an Excel workbook: summary by area, amber and red results with justifications, comparison. */
export async function reporteXlsx(r: ReporteCiclo): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const c = r.ciclo;
  const ws = wb.addWorksheet('Resumen por área');
  ws.addRow([`Evaluación del trimestre ${c.trimestre} de ${c.ejercicio} — ${ESTADO_CICLO_NOMBRE[c.estado]}`]);
  ws.addRow(['Área', ...SEMAFOROS.map((s) => SEMAFORO_NOMBRE[s]), 'Total', ...SEMAFOROS.map((s) => `${SEMAFORO_NOMBRE[s]} (T${r.anterior.trimestre} ${r.anterior.ejercicio})`), `Total (T${r.anterior.trimestre} ${r.anterior.ejercicio})`]);
  for (const a of [...r.por_area, { area: 'Instituto', ...r.totales }]) {
    ws.addRow([a.area, ...SEMAFOROS.map((s) => a[s]), a.total, ...SEMAFOROS.map((s) => a.anterior[s]), a.anterior.total]);
  }
  ws.getRow(2).font = { bold: true };
  const wo = wb.addWorksheet('Amarillo y rojo');
  wo.addRow(['Área', 'Tipo', 'Clave', 'Descripción', 'Programado / meta', 'Realizado / valor', 'Avance %', 'Semáforo', 'Semáforo trimestre anterior',
    'Causa', 'Acción correctiva', 'Fecha compromiso', 'Estado', 'Comentario de la UTP']);
  wo.getRow(1).font = { bold: true };
  for (const o of r.observados) {
    wo.addRow([o.area, o.tipo, o.clave, o.descripcion, o.programado, o.realizado, o.avance_pct, o.semaforo ? SEMAFORO_NOMBRE[o.semaforo] : '',
      o.semaforo_anterior ? SEMAFORO_NOMBRE[o.semaforo_anterior] : '', o.justificacion?.causa ?? '', o.justificacion?.accion_correctiva ?? '',
      o.justificacion?.fecha_compromiso ? fecha(o.justificacion.fecha_compromiso) : '', o.justificacion ? ESTADO_JUSTIFICACION_NOMBRE[o.justificacion.estado] : 'Sin justificación',
      o.justificacion?.comentario ?? '']);
  }
  wo.columns.forEach((col, i) => (col.width = [10, 10, 18, 50, 12, 12, 10, 12, 14, 40, 40, 14, 12, 30][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Renders the report page in the shared Chromium and prints it to PDF, through the render queue. */
export async function reportePdf(r: ReporteCiclo, usuario: string): Promise<Buffer> {
  return htmlToPdf(reporteHtml(r), usuario, `Atalaya · OPLE Veracruz · Evaluación T${r.ciclo.trimestre} ${r.ciclo.ejercicio}`);
}
