import zlib from 'node:zlib';
import { megabytes } from '../inbox/limits.js';
import { RejectedFileError } from '../types.js';

/**
 * Checks an XLSX (a ZIP file) before any library unpacks it, so a damaged file, a file of another format or a zip
 * bomb is rejected with a reason instead of failing the run or exhausting memory: reads the central directory,
 * adds up the sizes it declares, and inflates every entry with that size as a hard cap (a bomb whose directory
 * lies about its sizes is caught too).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;

const NOT_XLSX = 'no es un libro de Excel (.xlsx) válido: el archivo está dañado o tiene otro formato con la extensión .xlsx';
const LIED = 'el libro está dañado o manipulado: una de sus partes se descomprime a más de lo que declara';

function u64(b: Buffer, at: number): number {
  const n = b.readBigUInt64LE(at);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b.readUInt32LE(i) === EOCD && i + 22 + b.readUInt16LE(i + 20) <= b.length) return i;
  }
  return -1;
}

/** Why a file that is not a ZIP at all was given the .xlsx name, when its first bytes say. */
function otherFormat(b: Buffer): string | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1) {
    return 'es un libro de Excel 97-2003 (.xls) o un libro protegido con contraseña; ábralo en Excel y guárdelo como .xlsx sin contraseña';
  }
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'es un PDF, no un libro de Excel (.xlsx)';
  return null;
}

export function readCentralDirectory(b: Buffer): ZipEntry[] {
  const at = b.length >= 22 ? findEocd(b) : -1;
  if (at < 0) throw new RejectedFileError(otherFormat(b) ?? NOT_XLSX);
  let count = b.readUInt16LE(at + 10);
  let cdSize = b.readUInt32LE(at + 12);
  let cdOffset = b.readUInt32LE(at + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && at >= 20 && b.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const z = u64(b, at - 20 + 8);
    if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw new RejectedFileError(NOT_XLSX);
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (count > MAX_ENTRIES) throw new RejectedFileError(`tiene ${count.toLocaleString('es-MX')} partes internas, más de las ${MAX_ENTRIES.toLocaleString('es-MX')} que tiene un libro de Excel razonable`);
  if (cdOffset + cdSize > b.length) throw new RejectedFileError(NOT_XLSX);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new RejectedFileError(NOT_XLSX);
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    let compressedSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let localOffset = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    // ZIP64 extended information: the 64-bit values of the fields saturated above, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = b.readUInt16LE(x);
      const len = b.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === 0xffffffff && f + 8 <= x + 4 + len) (size = u64(b, f)), (f += 8);
        if (compressedSize === 0xffffffff && f + 8 <= x + 4 + len) (compressedSize = u64(b, f)), (f += 8);
        if (localOffset === 0xffffffff && f + 8 <= x + 4 + len) localOffset = u64(b, f);
      }
      x += 4 + len;
    }
    if (flags & 1) throw new RejectedFileError('el libro está protegido con contraseña; guárdelo en Excel sin contraseña');
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Verifies an XLSX's structure and that it unpacks to at most maxBytes; throws RejectedFileError otherwise. */
export function checkXlsxArchive(b: Buffer, maxBytes: number): ZipEntry[] {
  const entries = readCentralDirectory(b);
  if (!entries.some((e) => e.name.replace(/^\//, '').toLowerCase() === 'xl/workbook.xml')) {
    throw new RejectedFileError('es un archivo ZIP pero no un libro de Excel (.xlsx): no contiene xl/workbook.xml');
  }
  const declared = entries.reduce((s, e) => s + e.size, 0);
  const tooBig = (): RejectedFileError => new RejectedFileError(
    `se descomprime a más de ${megabytes(maxBytes)} (límite ATALAYA_MAX_ARCHIVO_MB); divídalo o guárdelo como CSV`);
  if (declared > maxBytes) throw tooBig();
  for (const e of entries) {
    if (e.localOffset + 30 > b.length || b.readUInt32LE(e.localOffset) !== LOCAL) throw new RejectedFileError(NOT_XLSX);
    const start = e.localOffset + 30 + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28);
    if (start + e.compressedSize > b.length) throw new RejectedFileError(NOT_XLSX);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new RejectedFileError(NOT_XLSX);
    } else if (e.method === 8) {
      let out: Buffer;
      try {
        // One byte over the declared size is enough to know the directory lied.
        out = zlib.inflateRawSync(data, { maxOutputLength: e.size + 1 });
      } catch (err) {
        throw new RejectedFileError((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? LIED : NOT_XLSX);
      }
      if (out.length !== e.size) throw new RejectedFileError(out.length > e.size ? LIED : NOT_XLSX);
    } else {
      throw new RejectedFileError(`usa un método de compresión que Excel no usa (${e.method}); ábralo en Excel y guárdelo de nuevo como .xlsx`);
    }
  }
  return entries;
}
