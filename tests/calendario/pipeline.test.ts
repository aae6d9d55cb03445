import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarioPipeline } from '../../pipelines/calendario/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { markArrived } from '../../src/demo/files.js';
import { actividades, historial, procesos } from '../../src/domains/calendario/queries.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';

let t: Awaited<ReturnType<typeof tempWarehouse>>;
beforeAll(async () => {
  t = await tempWarehouse('atalaya-cal-pipe-');
});
afterAll(() => t?.close());

const run = () => runPipeline(t.wh, calendarioPipeline, { dataDir: t.dataDir });

interface Fila { id_actividad: string; actividad: string; area: string; subproceso: string | null; fecha_inicio: string; fecha_fin: string;
  fecha_inicio_real: string | null; fecha_fin_real: string | null; estatus: string; depende_de: string | null; _archivo: string; _fila: number }

async function filas(proceso: string): Promise<Fila[]> {
  return t.wh.all<Fila>(
    `SELECT id_actividad, actividad, area, subproceso, strftime(fecha_inicio, '%Y-%m-%d') AS fecha_inicio, strftime(fecha_fin, '%Y-%m-%d') AS fecha_fin,
            strftime(fecha_inicio_real, '%Y-%m-%d') AS fecha_inicio_real, strftime(fecha_fin_real, '%Y-%m-%d') AS fecha_fin_real, estatus, depende_de, _archivo, _fila
     FROM core.calendario_actividades WHERE proceso = $1 ORDER BY id_actividad`, [proceso]);
}

async function cuarentena(runId: number): Promise<Array<{ tabla: string; archivo: string; hoja: string | null; fila: number; campo: string; motivo: string }>> {
  return t.wh.all(`SELECT tabla, archivo, hoja, fila, campo, motivo FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY archivo, fila, campo`, [runId]);
}

describe('pipeline calendario: formats', () => {
  it('a UTF-8 CSV with BOM, commas, ISO dates and headers written with other case, accents and spaces', async () => {
    const csv = '\ufeff' + [
      ' Proceso ,ID Actividad,Actividad,Área,SubProceso,Fecha Inicio,FECHA_FIN,fecha inicio real,Fecha Fin Real,Estatus,Depende de',
      'PA_UTF8,1.1,Instalar los consejos distritales,DEOE,Órganos desconcentrados,2025-01-06,2025-01-10,2025-01-06,2025-01-09,vigente,',
      'PA_UTF8,1.2,"Designar integrantes, segunda etapa",UTVODES,Órganos desconcentrados,2025-02-01,2025-02-15,,,,1.1',
    ].join('\r\n') + '\r\n';
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_utf8.csv', csv);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 2, cargadas: 2, rechazadas: 0 });
    expect(await filas('PA_UTF8')).toEqual([
      { id_actividad: '1.1', actividad: 'Instalar los consejos distritales', area: 'DEOE', subproceso: 'Órganos desconcentrados', fecha_inicio: '2025-01-06',
        fecha_fin: '2025-01-10', fecha_inicio_real: '2025-01-06', fecha_fin_real: '2025-01-09', estatus: 'vigente', depende_de: null,
        _archivo: 'calendario_actividades_utf8.csv', _fila: 2 },
      // An empty estatus is vigente.
      { id_actividad: '1.2', actividad: 'Designar integrantes, segunda etapa', area: 'UTVODES', subproceso: 'Órganos desconcentrados', fecha_inicio: '2025-02-01',
        fecha_fin: '2025-02-15', fecha_inicio_real: null, fecha_fin_real: null, estatus: 'vigente', depende_de: '1.1',
        _archivo: 'calendario_actividades_utf8.csv', _fila: 3 },
    ]);
  });

  it('a Windows-1252 CSV with semicolons and dd/mm/aaaa dates; estatus in any case', async () => {
    const text = [
      'proceso;id_actividad;actividad;area;subproceso;fecha_inicio;fecha_fin;fecha_inicio_real;fecha_fin_real;estatus;depende_de',
      'PA_1252;2.1;Realizar los cómputos en los consejos;DEOE;Cómputos y resultados;03/06/2025;06/06/2025;03/06/2025;07/06/2025;Vigente;',
      'PA_1252;2.2;Entregar las constancias de mayoría;UTS;Cómputos y resultados;07/06/2025;10/06/2025;;;CANCELADA;2.1',
    ].join('\r\n') + '\r\n';
    const buf = iconv.encode(text, 'win1252');
    expect(buf.includes(Buffer.from('ó', 'utf8'))).toBe(false); // really not UTF-8
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_1252.csv', buf);
    expect(await run()).toMatchObject({ estado: 'exito', leidas: 2, cargadas: 2, rechazadas: 0 });
    const f = await filas('PA_1252');
    expect(f.map((x) => [x.id_actividad, x.subproceso, x.actividad, x.fecha_inicio, x.fecha_fin, x.fecha_fin_real, x.estatus])).toEqual([
      ['2.1', 'Cómputos y resultados', 'Realizar los cómputos en los consejos', '2025-06-03', '2025-06-06', '2025-06-07', 'vigente'],
      ['2.2', 'Cómputos y resultados', 'Entregar las constancias de mayoría', '2025-06-07', '2025-06-10', null, 'cancelada'],
    ]);
  });

  it('an XLSX workbook with a sheet per table under title rows, real date cells, and quarantine by the sheet row', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('calendario_actividades');
    a.addRow(['OPLE Veracruz — Unidad Técnica de Planeación']); // row 1
    a.addRow(['Calendario integral PA_XLSX']); // row 2
    a.addRow(['proceso', 'id_actividad', 'actividad', 'area', 'subproceso', 'fecha_inicio', 'fecha_fin', 'fecha_inicio_real', 'fecha_fin_real', 'estatus']); // row 3
    a.addRow(['PA_XLSX', '3.1', 'Aprobar el calendario integral', 'UTP', 'Planeación', new Date(Date.UTC(2025, 0, 15)), new Date(Date.UTC(2025, 0, 31)), null, null, null]); // row 4
    a.addRow(['PA_XLSX', '3.2', 'Producir las boletas', 'DEOE', 'Documentación', '01/03/2025', '2025-04-15', null, null, 'vigente']); // row 5
    const c = wb.addWorksheet('calendario_cambios');
    c.addRow(['Cambios aprobados por el Consejo General']); // row 1
    c.addRow(['proceso', 'id_actividad', 'acuerdo', 'fecha_acuerdo', 'fecha_inicio_anterior', 'fecha_fin_anterior', 'fecha_inicio_nueva', 'fecha_fin_nueva', 'motivo']); // row 2
    c.addRow(['PA_XLSX', '3.2', 'OPLEV/CG101/2025', '20/02/2025', '15/02/2025', '31/03/2025', '01/03/2025', '15/04/2025', 'Licitación desierta']); // row 3
    c.addRow(['PA_XLSX', '3.1', 'OPLEV/CG102/2025', '21/02/2025', '15/01/2025', '31/01/2025', '10/02/2025', '05/02/2025', 'Al revés']); // row 4: bad
    const file = path.join(t.dataDir, 'inbox', 'calendario', 'calendario_PA_XLSX.xlsx');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await wb.xlsx.writeFile(file);
    markArrived(file);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 4, cargadas: 3, rechazadas: 1 });
    const f = await filas('PA_XLSX');
    expect(f.map((x) => [x.id_actividad, x.fecha_inicio, x.fecha_fin, x.estatus, x._archivo, x._fila])).toEqual([
      ['3.1', '2025-01-15', '2025-01-31', 'vigente', 'calendario_PA_XLSX.xlsx › calendario_actividades', 4],
      ['3.2', '2025-03-01', '2025-04-15', 'vigente', 'calendario_PA_XLSX.xlsx › calendario_actividades', 5],
    ]);
    expect(await cuarentena(r.id)).toEqual([{
      tabla: 'calendario_cambios', archivo: 'calendario_PA_XLSX.xlsx', hoja: 'calendario_cambios', fila: 4, campo: 'fecha_fin_nueva',
      motivo: '«fecha_fin_nueva» (05/02/2025) es anterior a «fecha_inicio_nueva» (10/02/2025)',
    }]);
    const h = await historial(t.wh, 'PA_XLSX', '3.2');
    expect(h).toMatchObject({ original: { fecha_inicio: '2025-02-15', fecha_fin: '2025-03-31' }, actual: { fecha_inicio: '2025-03-01', fecha_fin: '2025-04-15' } });
    expect(h!.cambios.map((x) => x.acuerdo)).toEqual(['OPLEV/CG101/2025']);
  });
});

const HEAD = 'proceso,id_actividad,actividad,area,subproceso,fecha_inicio,fecha_fin,fecha_inicio_real,fecha_fin_real,estatus,depende_de';
const HEAD_CAMBIOS = 'proceso,id_actividad,acuerdo,fecha_acuerdo,fecha_inicio_anterior,fecha_fin_anterior,fecha_inicio_nueva,fecha_fin_nueva,motivo';

describe('pipeline calendario: bad rows and later files', () => {
  it('quarantines each bad row naming file, row (the header is row 1) and field; the good rows load', async () => {
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_errores.csv', [
      HEAD, // row 1
      'PB,1.1,Buena,UTP,,01/02/2025,28/02/2025,,,,', // row 2
      'PB,1.2,Estatus desconocido,UTP,,01/02/2025,28/02/2025,,,suspendida,', // row 3
      'PB,1.3,Fecha imposible,UTP,,31/02/2025,28/03/2025,,,,', // row 4
      'PB,1.4,Fin antes de inicio,UTP,,10/03/2025,09/03/2025,,,,', // row 5
      'PB,1.5,Fin real antes de inicio real,UTP,,01/03/2025,31/03/2025,05/03/2025,04/03/2025,,', // row 6
      'PB,1.6,Sin área,,,01/03/2025,31/03/2025,,,,', // row 7
      'PB,1.7,Año mal escrito,UTP,,01/03/0225,31/03/2025,,,,', // row 8
      'PB,1.8,Fin igual a inicio,UTP,,10/03/2025,10/03/2025,10/03/2025,10/03/2025,,', // row 9: good (same day)
      'PB,1.9,Dos errores,UTP,,10/03/2025,09/03/2025,05/03/2025,04/03/2025,,', // row 10
    ].join('\n'));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 9, cargadas: 2, rechazadas: 7 });
    const q = await cuarentena(r.id);
    expect(q.map((x) => [x.archivo, x.fila, x.campo])).toEqual([
      ['calendario_actividades_errores.csv', 3, 'estatus'],
      ['calendario_actividades_errores.csv', 4, 'fecha_inicio'],
      ['calendario_actividades_errores.csv', 5, 'fecha_fin'],
      ['calendario_actividades_errores.csv', 6, 'fecha_fin_real'],
      ['calendario_actividades_errores.csv', 7, 'area'],
      ['calendario_actividades_errores.csv', 8, 'fecha_inicio'],
      ['calendario_actividades_errores.csv', 10, 'fecha_fin'],
      ['calendario_actividades_errores.csv', 10, 'fecha_fin_real'],
    ]);
    expect(q.map((x) => x.motivo)).toEqual([
      'valor no permitido; se esperaba uno de: vigente, cancelada: «suspendida»',
      'fecha inválida (use dd/mm/aaaa o aaaa-mm-dd): «31/02/2025»',
      '«fecha_fin» (09/03/2025) es anterior a «fecha_inicio» (10/03/2025)',
      '«fecha_fin_real» (04/03/2025) es anterior a «fecha_inicio_real» (05/03/2025)',
      'valor requerido vacío',
      'fecha fuera del rango admitido (01/01/2000 a 31/12/2100): «01/03/0225»',
      '«fecha_fin» (09/03/2025) es anterior a «fecha_inicio» (10/03/2025)',
      '«fecha_fin_real» (04/03/2025) es anterior a «fecha_inicio_real» (05/03/2025)',
    ]);
    expect((await filas('PB')).map((x) => x.id_actividad)).toEqual(['1.1', '1.8']);
  });

  it('a cambio without new dates is quarantined; a repeated key in one file: the last good row wins', async () => {
    dropFile(t.dataDir, 'calendario', 'calendario_cambios_errores.csv', [
      HEAD_CAMBIOS,
      'PB,1.1,OPLEV/CG010/2025,15/01/2025,,,,,Sin fechas', // row 2
      'PB,1.1,OPLEV/CG011/2025,16/01/2025,,15/02/2025,,28/02/2025,Prórroga', // row 3
      'PB,1.1,OPLEV/CG011/2025,16/01/2025,,15/02/2025,,28/02/2025,Prórroga (corregida)', // row 4: same key, wins
      'PB,1.1,OPLEV/CG011/2025,16/01/2025,,15/02/2025,01/03/2025,28/02/2025,Corrección errónea', // row 5: same key but bad
    ].join('\n'));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 4, cargadas: 1, rechazadas: 2 });
    expect((await cuarentena(r.id)).map((x) => [x.fila, x.campo])).toEqual([[2, 'fecha_inicio_nueva, fecha_fin_nueva'], [5, 'fecha_fin_nueva']]);
    const h = await historial(t.wh, 'PB', '1.1');
    expect(h!.cambios).toEqual([{
      acuerdo: 'OPLEV/CG011/2025', fecha_acuerdo: '2025-01-16', fecha_inicio_anterior: null, fecha_fin_anterior: '2025-02-15',
      fecha_inicio_nueva: null, fecha_fin_nueva: '2025-02-28', motivo: 'Prórroga (corregida)',
    }]);
    // Only the end changed: the original start is the current one.
    expect(h!.original).toEqual({ fecha_inicio: '2025-02-01', fecha_fin: '2025-02-15' });
  });

  it('a later file updates an activity and its change history stays; the same file again changes nothing', async () => {
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_v1.csv', [HEAD, 'PC,4.1,Registrar candidaturas,DEPPP,Candidaturas,01/03/2025,15/03/2025,,,,'].join('\n'));
    dropFile(t.dataDir, 'calendario', 'calendario_cambios_v1.csv', [HEAD_CAMBIOS,
      'PC,4.1,OPLEV/CG020/2025,10/02/2025,15/02/2025,28/02/2025,01/03/2025,15/03/2025,Armonización con el INE'].join('\n'));
    expect(await run()).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: 0 });
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_v2.csv', [HEAD, 'PC,4.1,Registrar candidaturas,DEPPP,Candidaturas,10/03/2025,31/03/2025,10/03/2025,30/03/2025,,'].join('\n'));
    dropFile(t.dataDir, 'calendario', 'calendario_cambios_v2.csv', [HEAD_CAMBIOS,
      'PC,4.1,OPLEV/CG035/2025,05/03/2025,01/03/2025,15/03/2025,10/03/2025,31/03/2025,Resolución del Tribunal'].join('\n'));
    expect(await run()).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: 0 });
    // The same content again (under another name) is recognized and loads nothing.
    dropFile(t.dataDir, 'calendario', 'calendario_cambios_v2_copia.csv', [HEAD_CAMBIOS,
      'PC,4.1,OPLEV/CG035/2025,05/03/2025,01/03/2025,15/03/2025,10/03/2025,31/03/2025,Resolución del Tribunal'].join('\n'));
    const again = await run();
    expect(again).toMatchObject({ estado: 'exito', leidas: 0, cargadas: 0 });
    expect(again.avisos.join('\n')).toMatch(/ya se había cargado/);
    const f = await filas('PC');
    expect(f.map((x) => [x.fecha_inicio, x.fecha_fin, x.fecha_fin_real, x._archivo])).toEqual([['2025-03-10', '2025-03-31', '2025-03-30', 'calendario_actividades_v2.csv']]);
    const h = await historial(t.wh, 'PC', '4.1');
    expect(h).toMatchObject({ original: { fecha_inicio: '2025-02-15', fecha_fin: '2025-02-28' }, actual: { fecha_inicio: '2025-03-10', fecha_fin: '2025-03-31' } });
    expect(h!.cambios.map((x) => [x.acuerdo, x.fecha_acuerdo])).toEqual([['OPLEV/CG020/2025', '2025-02-10'], ['OPLEV/CG035/2025', '2025-03-05']]);
    const [row] = await actividades(t.wh, { proceso: 'PC', hasta: '2025-04-01' });
    expect(row).toMatchObject({ id_actividad: '4.1', cambios: 2, estado: 'concluida', fecha_inicio_original: '2025-02-15', fecha_fin_original: '2025-02-28' });
  });

  it('a cambio of an activity not loaded is kept and reported by the relationship check until the activity arrives', async () => {
    dropFile(t.dataDir, 'calendario', 'calendario_cambios_adelantados.csv', [HEAD_CAMBIOS,
      'PD,5.1,OPLEV/CG040/2025,01/04/2025,01/05/2025,31/05/2025,15/05/2025,15/06/2025,Solicitud del área'].join('\n'));
    const r1 = await run();
    expect(r1).toMatchObject({ estado: 'exito', cargadas: 1, rechazadas: 0 });
    const check = (id: number) => t.wh.one<{ fallas: number }>(
      `SELECT fallas FROM ops.verificaciones WHERE ejecucion_id = $1 AND nombre LIKE 'relación: core.calendario_cambios_clave%'`, [id]);
    expect(await check(r1.id)).toEqual({ fallas: 1 });
    // Another process's activity with the same number does not satisfy it.
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_otro.csv', [HEAD, 'PZ,5.1,Otra,UTP,,01/05/2025,31/05/2025,,,,'].join('\n'));
    expect(await check((await run()).id)).toEqual({ fallas: 1 });
    expect(await historial(t.wh, 'PD', '5.1')).toBeNull();
    expect(await actividades(t.wh, { proceso: 'PD', hasta: '2025-05-01' })).toEqual([]);
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_pd.csv', [HEAD, 'PD,5.1,Llegó después,UTP,,15/05/2025,15/06/2025,,,,'].join('\n'));
    const r3 = await run();
    expect(await check(r3.id)).toEqual({ fallas: 0 });
    expect((await historial(t.wh, 'PD', '5.1'))!.cambios).toHaveLength(1);
  });
});

describe('pipeline calendario: process names', () => {
  it('from the catalogue of processes, else read from the code', async () => {
    dropFile(t.dataDir, 'calendario', 'calendario_actividades_nombres.csv', [HEAD,
      'PELO_2024_2025,1.1,Una,UTP,,01/01/2025,31/01/2025,,,,',
      'PELO_2030_2031,1.1,Una,UTP,,01/01/2030,31/01/2030,,,,',
      'PELE_2031,1.1,Una,UTP,,01/01/2031,31/01/2031,,,,'].join('\n'));
    expect(await run()).toMatchObject({ estado: 'exito', cargadas: 3 });
    const n = Object.fromEntries((await procesos(t.wh)).map((p) => [p.proceso, p.nombre]));
    expect(n).toMatchObject({
      PELO_2024_2025: 'Proceso Electoral Local Ordinario 2024-2025 (Ayuntamientos)',
      PELO_2030_2031: 'Proceso Electoral Local Ordinario 2030-2031',
      PELE_2031: 'Proceso Electoral Local Extraordinario 2031',
      PB: 'PB',
    });
  });
});
