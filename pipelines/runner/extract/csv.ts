import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';

export interface PreparedCsv {
  /** A UTF-8 file DuckDB can read (the original, or a transcoded copy). */
  path: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  /** The first rows, parsed, to find the header. */
  head: string[][];
  /** Whether `path` is a temporary copy to delete afterwards. */
  temporary: boolean;
}

const HEAD_BYTES = 64 * 1024;

/**
 * Decides encoding and delimiter. Valid UTF-8 (with or without BOM) is read as is; anything else is
 * Windows-1252, the encoding Excel on Spanish Windows writes, transcoded with the platform's decoder.
 */
export function prepareCsv(file: string, content: Buffer, tmpDir: string): PreparedCsv {
  let text: string | null = null;
  let out = file;
  let encoding: PreparedCsv['encoding'] = 'utf-8';
  let temporary = false;
  if (!isUtf8(content)) {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(content);
    fs.mkdirSync(tmpDir, { recursive: true });
    out = path.join(tmpDir, `${path.basename(file)}.${process.pid}.${Date.now()}.utf8.csv`);
    fs.writeFileSync(out, text, 'utf8');
    temporary = true;
  }
  const start = text ?? content.subarray(0, HEAD_BYTES).toString('utf8');
  const headText = start.replace(/^\ufeff/, '').slice(0, HEAD_BYTES);
  // Only whole lines: the last one may be cut.
  const lines = headText.split(/\r?\n/);
  const complete = lines.length > 1 ? lines.slice(0, -1).join('\n') : headText;
  const parsed = Papa.parse<string[]>(complete, { delimitersToGuess: [',', ';', '\t', '|'], preview: 40, skipEmptyLines: false });
  const delimiter = parsed.meta.delimiter || ',';
  return { path: out, encoding, delimiter, head: parsed.data, temporary };
}
