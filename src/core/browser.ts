import type { Browser, Page } from 'playwright-core';

/**
 * One Chromium for the whole server, launched at the first render and closed after a few idle minutes (or at
 * shutdown). Each render gets a fresh context with JavaScript off and the network blocked: the report page is
 * static HTML and must not reach anything.
 */
const IDLE_MS = 5 * 60_000;
let browser: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;
let launches = 0;

/** How many times Chromium was launched in this process (the tests check it is reused). */
export function browserLaunches(): number {
  return launches;
}

async function getBrowser(): Promise<Browser> {
  if (browser) {
    const b = await browser.catch(() => null);
    if (b?.isConnected()) return b;
  }
  launches++;
  const { chromium } = await import('playwright-core');
  browser = chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const b = await browser.catch((e: unknown) => {
    browser = null;
    throw e;
  });
  b.on('disconnected', () => {
    browser = null;
  });
  return b;
}

/** Runs fn on a fresh page of the shared browser. Callers serialize renders (RenderQueue). */
export async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  if (idle) clearTimeout(idle);
  const b = await getBrowser();
  const context = await b.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => route.abort());
    return await fn(await context.newPage());
  } finally {
    await context.close().catch(() => undefined);
    idle = setTimeout(() => void closeBrowser(), IDLE_MS);
    idle.unref();
  }
}

/** Closes the shared browser (idle, or the server stopping). */
export async function closeBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}
