import zlib from 'node:zlib';

/**
 * The text of a PDF printed by Chromium (Skia), good enough to assert that a sentence is in it: inflates the
 * streams, reads each font's ToUnicode map and decodes the hex strings of the text operators with each map.
 * Returns one string per map, without whitespace (Skia positions words instead of always drawing spaces).
 */
export function pdfTexts(pdf: Buffer): string[] {
  const bin = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(bin))) {
    const start = m.index + m[0].length;
    const end = bin.indexOf('endstream', start);
    if (end < 0) break;
    const raw = Buffer.from(bin.slice(start, end), 'latin1');
    try {
      streams.push(zlib.inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
    re.lastIndex = end + 9;
  }
  const cmaps: Array<Map<string, string>> = [];
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    const map = new Map<string, string>();
    const hexToStr = (h: string): string => {
      let out = '';
      for (let i = 0; i < h.length; i += 4) out += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
      return out;
    };
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(e[1]!.toUpperCase(), hexToStr(e[2]!));
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const e of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const a = parseInt(e[1]!, 16);
        const b = parseInt(e[2]!, 16);
        const base = parseInt(e[3]!, 16);
        for (let g = a; g <= b; g++) map.set(g.toString(16).toUpperCase().padStart(e[1]!.length, '0'), String.fromCharCode(base + g - a));
      }
    }
    cmaps.push(map);
  }
  const hexes: string[] = [];
  for (const s of streams.filter((x) => /\bBT\b/.test(x))) {
    for (const h of s.matchAll(/<([0-9A-Fa-f]+)>/g)) hexes.push(h[1]!.toUpperCase());
  }
  return cmaps.map((map) => hexes.map((h) => {
    let out = '';
    for (let i = 0; i < h.length; i += 4) out += map.get(h.slice(i, i + 4)) ?? '';
    return out;
  }).join('').replace(/\s+/g, ''));
}

/** Whether the PDF's text contains `s` (compared without whitespace). */
export function pdfContains(pdf: Buffer, s: string): boolean {
  const needle = s.replace(/\s+/g, '');
  return pdfTexts(pdf).some((t) => t.includes(needle));
}
