/**
 * Writes ZIP archives byte by byte (APPNOTE.TXT 6.3: local headers, central directory, end record, and the ZIP64
 * records), so tests can build what no well-behaved library writes: zip bombs, directories that lie about sizes,
 * archives with ZIP64 fields. Entries are deflated (method 8) unless `stored`.
 */
import zlib from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  stored?: boolean;
  /** Uncompressed size written in the headers (default: the true size). */
  declaredSize?: number;
  /** Write sizes and offset as ZIP64 extended information (and the ZIP64 end records). */
  zip64?: boolean;
  /** The body already deflated (a bomb's payload, with `declaredSize` its inflated size); `data` is then ignored. */
  deflated?: Buffer;
}

/** CRC-32 (IEEE), as ZIP stores it. */
function crc32(b: Buffer): number {
  let c = ~0;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export function buildZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let anyZip64 = false;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const body = e.deflated ?? (e.stored ? raw : zlib.deflateRawSync(raw));
    const size = e.declaredSize ?? raw.length;
    const name = Buffer.from(e.name, 'utf8');
    const z64 = e.zip64 === true;
    anyZip64 ||= z64;
    const extra = z64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
    if (z64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    // The fields both headers hold, from «version needed» on: at 4 in the local header, at 6 in the central one.
    const fields = (h: Buffer, at: number): Buffer => {
      h.writeUInt16LE(z64 ? 45 : 20, at);
      h.writeUInt16LE(e.stored ? 0 : 8, at + 4);
      h.writeUInt32LE(crc32(raw), at + 10);
      h.writeUInt32LE(z64 ? 0xffffffff : body.length, at + 14);
      h.writeUInt32LE(z64 ? 0xffffffff : Math.min(size, 0xffffffff), at + 18);
      h.writeUInt16LE(name.length, at + 22);
      h.writeUInt16LE(extra.length, at + 24);
      return h;
    };
    const local = fields(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    const central = fields(Buffer.alloc(46), 6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z64 ? 45 : 20, 4);
    central.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    locals.push(local, name, extra, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (anyZip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(entries.length), 24);
    z.writeBigUInt64LE(BigInt(entries.length), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(anyZip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(anyZip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(anyZip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(anyZip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

/** The parts of a real XLSX written by ExcelJS, unpacked (to rebuild it with buildZip). */
export async function xlsxParts(xlsx: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  // JSZip: the library ExcelJS itself unpacks workbooks with.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  const out: Array<{ name: string; data: Buffer }> = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}

/** Deflates `bytes` zeros (a bomb's payload) a megabyte at a time, never holding them in memory at once. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  const parts: Buffer[] = [];
  const stream = zlib.createDeflateRaw({ level: 9 });
  stream.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => stream.on('end', resolve).on('error', reject));
  for (let left = bytes; left > 0; left -= chunk.length) {
    const n = Math.min(left, chunk.length);
    if (!stream.write(n === chunk.length ? chunk : chunk.subarray(0, n))) await new Promise((r) => stream.once('drain', r));
  }
  stream.end();
  await done;
  return Buffer.concat(parts);
}
