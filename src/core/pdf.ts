import { withPage } from './browser.js';
import { esc } from './html.js';
import { RenderQueue } from './render-queue.js';

/** PDF renders: one at a time; two per user at most; a render that would wait over a minute is refused (429). */
export const pdfQueue = new RenderQueue({ perUser: 2, maxWaitMs: 60_000, initialEstimateMs: 3_000 });

/**
 * Prints a static HTML page (its own inline styles, no script, no network) to a Letter PDF in the shared Chromium,
 * through the render queue; `pie` is the footer's text, beside «página N de M».
 */
export async function htmlToPdf(html: string, usuario: string, pie: string): Promise<Buffer> {
  return pdfQueue.run(usuario, () => withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({
      format: 'Letter', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true, headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${esc(pie)} · página <span class="pageNumber"></span> de <span class="totalPages"></span></div>`,
    }));
  }));
}
