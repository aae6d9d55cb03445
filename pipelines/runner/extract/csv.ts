import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { safeLink } from '../inbox/safe-path.js';
import { onlyAsciiSpaces } from './spaces.js';
import { HEAD_BYTES, type TextScan } from '../inbox/text-scan.js';
import { RejectedFileError } from '../types.js';

export interface PreparedCsv {
  /** A UTF-8 file DuckDB can read under a safe name: a hard link to the original, or a transcoded copy. */
  path: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  /** The first rows, parsed, to find the header. */
  head: string[][];
  /** No space but U+0020 anywhere in the file (see spaces.ts). */
  asciiSpaces: boolean;
}

/** Rejects what is not a text file at all, saying what it seems to be when its first bytes tell. */
export function assertText(head: Buffer, hasNul: boolean): void {
  const b = head;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw new RejectedFileError('está en UTF-16 («Texto Unicode» de Excel); guárdelo como «CSV UTF-8 (delimitado por comas)»');
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0x504b0304) {
    throw new RejectedFileError('es un libro de Excel (o otro archivo ZIP) con extensión de texto; guárdelo como CSV o cámbiele la extensión a .xlsx');
  }
  if (b.length >= 4 && b.readUInt32BE(0) === 0xd0cf11e0) {
    throw new RejectedFileError('es un libro de Excel 97-2003 (.xls) con extensión de texto; guárdelo como CSV o como .xlsx');
  }
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') throw new RejectedFileError('es un PDF, no un archivo CSV');
  if (hasNul) throw new RejectedFileError('contiene datos binarios: no es un archivo de texto CSV');
}

/**
 * Decides encoding and delimiter from the file's scan (inbox/text-scan.ts). Valid UTF-8 (with or without BOM) is
 * read as is; anything else is Windows-1252, the encoding Excel on Spanish Windows writes, transcoded with the
 * platform's decoder. `safeName` is the name the file gets in `tmpDir` (a folder from safeTempDir), the path DuckDB
 * reads.
 */
export function prepareCsv(file: string | Buffer, scan: TextScan, tmpDir: string, safeName: string): PreparedCsv {
  assertText(scan.head, scan.hasNul);
  let text: string | null = null;
  let out: string;
  let encoding: PreparedCsv['encoding'] = 'utf-8';
  if (!scan.utf8) {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(fs.readFileSync(file));
    out = path.join(tmpDir, safeName);
    fs.writeFileSync(out, text, 'utf8');
  } else {
    out = safeLink(file, tmpDir, safeName);
  }
  const start = text ?? scan.head.toString('utf8');
  const headText = start.replace(/^\ufeff/, '').slice(0, HEAD_BYTES);
  // Only whole lines: the last one may be cut.
  const lines = headText.split(/\r?\n/);
  const complete = lines.length > 1 ? lines.slice(0, -1).join('\n') : headText;
  const parsed = Papa.parse<string[]>(complete, { delimitersToGuess: [',', ';', '\t', '|'], preview: 40, skipEmptyLines: false });
  const delimiter = parsed.meta.delimiter || ',';
  return { path: out, encoding, delimiter, head: parsed.data, asciiSpaces: text !== null ? onlyAsciiSpaces(text) : scan.asciiSpaces };
}
