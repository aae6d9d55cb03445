import Papa from 'papaparse';

/** Downloads rows as a CSV Excel opens correctly (UTF-8 with BOM). */
export function downloadCsv(filename: string, columns: Array<{ key: string; label: string }>, rows: Array<Record<string, unknown>>): void {
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c.key];
    return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }));
  const csv = Papa.unparse({ fields: columns.map((c) => c.label), data });
  const blob = new Blob(['\ufeff' + csv], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
