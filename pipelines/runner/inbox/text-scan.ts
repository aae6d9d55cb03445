import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { hasWideSpaceUtf8 } from '../extract/spaces.js';

/** What the loader needs to know of a text file's whole content, found in one pass of fixed-size chunks. */
export interface TextScan {
  /** The first bytes (up to HEAD_BYTES): the header rows and what the file seems to be. */
  head: Buffer;
  /** Bytes read: the file's size when it did not change while it was read. */
  bytes: number;
  /** A NUL byte anywhere: not a text file. */
  hasNul: boolean;
  /** Valid UTF-8 throughout (then `asciiSpaces` holds; otherwise the file is transcoded and looked at again). */
  utf8: boolean;
  /** No space but U+0020 (see extract/spaces.ts); meaningful only when utf8. */
  asciiSpaces: boolean;
}

export const HEAD_BYTES = 64 * 1024;
const CHUNK = 4 * 1024 * 1024;

/** Length of the UTF-8 sequence a lead byte starts (1 for anything else: isUtf8 judges it). */
const seqLength = (b: number): number => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1);

/**
 * Where a chunk's last complete UTF-8 sequence ends: the bytes after it (at most 3, the start of a sequence the next
 * chunk completes) are carried over, so no check ever sees a character cut in two.
 */
function completeEnd(b: Buffer, n: number): number {
  for (let i = n - 1; i >= Math.max(0, n - 3); i--) {
    const x = b[i]!;
    if ((x & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    return i + seqLength(x) > n ? i : n;
  }
  return n;
}

/**
 * Reads a file once in 4 MB chunks (never whole: a 177 MB export costs 4 MB of memory) and says whether it holds a
 * NUL byte, whether it is valid UTF-8 and whether it has any wide space; keeps its first bytes.
 */
export function scanText(file: string | Buffer): TextScan {
  const buf = Buffer.allocUnsafe(CHUNK + 3);
  const fd = fs.openSync(file, 'r');
  const out: TextScan = { head: Buffer.alloc(0), bytes: 0, hasNul: false, utf8: true, asciiSpaces: true };
  let carry = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, carry, CHUNK, null);
      if (out.bytes < HEAD_BYTES) out.head = Buffer.concat([out.head, buf.subarray(carry, carry + Math.min(n, HEAD_BYTES - out.bytes))]);
      out.bytes += n;
      const len = carry + n;
      const data = buf.subarray(0, len);
      if (n > 0 && !out.hasNul && buf.subarray(carry, len).indexOf(0) !== -1) out.hasNul = true;
      const end = n === 0 ? len : completeEnd(data, len);
      const whole = data.subarray(0, end);
      if (out.utf8 && !isUtf8(whole)) out.utf8 = false;
      if (out.utf8 && out.asciiSpaces && hasWideSpaceUtf8(whole)) out.asciiSpaces = false;
      if (n === 0) break;
      carry = len - end;
      buf.copy(buf, 0, end, len);
    }
  } finally {
    fs.closeSync(fd);
  }
  return out;
}
