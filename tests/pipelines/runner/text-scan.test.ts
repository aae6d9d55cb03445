import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../pipelines/runner/inbox/hash.js';
import { HEAD_BYTES, scanText } from '../../../pipelines/runner/inbox/text-scan.js';

/** The scan reads 4 MB chunks: these files put what it looks for across and beyond a chunk's end. */
const CHUNK = 4 * 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-scan-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `before` ASCII bytes, then `middle`, then ASCII to `total` bytes. */
function write(name: string, before: number, middle: Buffer, total = 2 * CHUNK + 10): string {
  const b = Buffer.alloc(total, 0x61);
  for (let i = 99; i < total; i += 100) b[i] = 0x0a;
  middle.copy(b, before);
  const file = path.join(dir, name);
  fs.writeFileSync(file, b);
  return file;
}

describe('a text file scanned in chunks', () => {
  it('a character cut by the chunk boundary is still valid UTF-8, at every cut', () => {
    for (const [ch, label] of [['é', '2 bytes'], ['€', '3 bytes'], ['𝄞', '4 bytes']] as const) {
      const bytes = Buffer.from(ch, 'utf8');
      for (let k = 1; k < bytes.length; k++) {
        const s = scanText(write(`corte-${label}-${k}.csv`, CHUNK - k, bytes));
        expect(s, `${label}, ${k} byte(s) before the boundary`).toMatchObject({ utf8: true, asciiSpaces: true, hasNul: false, bytes: 2 * CHUNK + 10 });
      }
    }
  });

  it('a no-break space cut by the boundary, or in the second chunk, is a wide space', () => {
    expect(scanText(write('nbsp-corte.csv', CHUNK - 1, Buffer.from('\u00a0', 'utf8'))).asciiSpaces).toBe(false);
    expect(scanText(write('ideografico.csv', CHUNK + 5000, Buffer.from('\u3000', 'utf8'))).asciiSpaces).toBe(false);
  });

  it('a Windows-1252 byte or a NUL far past the first chunk is found; the head is the first bytes only', () => {
    const latin = scanText(write('latin1.csv', CHUNK + 123, Buffer.from([0xe9])));
    expect(latin.utf8).toBe(false);
    const nul = scanText(write('nul.csv', 2 * CHUNK, Buffer.from([0])));
    expect(nul.hasNul).toBe(true);
    expect(nul.head.length).toBe(HEAD_BYTES);
    expect(nul.head.equals(fs.readFileSync(path.join(dir, 'nul.csv')).subarray(0, HEAD_BYTES))).toBe(true);
  });

  it('a file ending inside a character is not valid UTF-8; a short file is read whole', () => {
    const cut = path.join(dir, 'cortado.csv');
    fs.writeFileSync(cut, Buffer.concat([Buffer.from('id,nombre\n1,Jos'), Buffer.from('é', 'utf8').subarray(0, 1)]));
    expect(scanText(cut).utf8).toBe(false);
    const short = path.join(dir, 'corto.csv');
    fs.writeFileSync(short, 'id,nombre\n1,José\n');
    expect(scanText(short)).toMatchObject({ utf8: true, asciiSpaces: true, hasNul: false, bytes: Buffer.byteLength('id,nombre\n1,José\n') });
  });

  it('the worker hash is the SHA-256 of the whole file', async () => {
    const file = write('hash.csv', CHUNK - 1, Buffer.from('€', 'utf8'));
    expect(await hashFile(file)).toBe(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    await expect(hashFile(path.join(dir, 'no-existe.csv'))).rejects.toThrow(/ENOENT/);
  });
});
