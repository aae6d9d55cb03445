import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { browserLaunches, closeBrowser, withPage } from '../../src/core/browser.js';

afterAll(async () => closeBrowser());

describe('the shared Chromium of the PDF reports', () => {
  it('is launched once and reused; pages run no script and reach no network', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const before = browserLaunches();
      const titles: string[] = [];
      for (let i = 0; i < 3; i++) {
        titles.push(await withPage(async (page) => {
          await page.setContent(`<title>reporte</title><script>document.title = 'alterado'</script><img src="${url}/img.png"><link rel="stylesheet" href="${url}/e.css">`, { waitUntil: 'load' });
          return page.title();
        }));
      }
      expect(titles).toEqual(['reporte', 'reporte', 'reporte']);
      expect(browserLaunches() - before).toBe(1);
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  }, 60_000);
});
