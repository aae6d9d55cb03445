import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { killStrayServers, startTestServer, TEST_PASSWORD, type Client, type ServerOptions, type TestServer } from './server.js';

/** Debian's chromium, headless, with the flags this sandbox needs (see ../shared/STACK.md). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Pages opened here wait, after each goto, until the dashboard is interactive: a click before hydration would
  // reach a button with no handler yet.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => withInteractiveGoto(await newPage(...args));
  return browser;
}

function withInteractiveGoto(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (...g: Parameters<Page['goto']>) => {
    const r = await goto(...g);
    await waitInteractive(page);
    return r;
  };
  return page;
}

/** Waits (up to 15 s) until the dashboard layout has hydrated: body[data-hidratada="si"]; fails with the page's URL if it never does. */
export async function waitInteractive(page: Page): Promise<void> {
  try {
    await page.waitForSelector('body[data-hidratada="si"]', { state: 'attached', timeout: 15_000 });
  } catch (e) {
    throw new Error(`el tablero no quedó interactivo en 15 s (${page.url()}): ${(e as Error).message}`);
  }
}

/** Logs in through the real login page (`query`: what follows /login, e.g. `?siguiente=…`). */
export async function loginPage(page: Page, baseUrl: string, usuario: string, password: string = TEST_PASSWORD, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/login${query}`);
  await page.getByLabel('Usuario').fill(usuario);
  await page.getByLabel('Contraseña').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Iniciar sesión' }).click()]);
  await waitInteractive(page);
}

export interface BrowserEnv {
  srv: TestServer;
  /** The API as admin (already logged in). */
  admin: Client;
  browser: Browser;
  /** Console errors and uncaught exceptions of every page opened with `page()`, except those `allowErrors` matches. */
  errors: string[];
  /** A page in its own context (own cookies), logged in through the login page as `usuario` when given. */
  page: (opts?: { usuario?: string; context?: BrowserContextOptions }) => Promise<Page>;
  /** Creates a user through the API (password TEST_PASSWORD). */
  user: (usuario: string, rol: string, area?: string) => Promise<void>;
}

export interface BrowserEnvOptions extends Pick<ServerOptions, 'demo' | 'env'> {
  /** Console errors a file expects (the 4xx the browser logs itself for a request the test makes fail). */
  allowErrors?: RegExp;
  /** Runs after the server, the admin session and the browser are up: the data the file needs. */
  prepare?: (env: BrowserEnv) => Promise<void>;
}

/**
 * The setup every browser test file shares: a real server (`atalaya serve`, own data folder and port), the admin's
 * API session and Debian's chromium, started in beforeAll and stopped in afterAll. Call at the top of the file; the
 * returned object is filled in before the first test runs.
 */
export function browserEnv(opts: BrowserEnvOptions = {}): BrowserEnv {
  const env = { errors: [] as string[] } as BrowserEnv;
  const record = (text: string): void => {
    if (!opts.allowErrors?.test(text)) env.errors.push(text);
  };
  beforeAll(async () => {
    const [srv, browser] = await Promise.all([startTestServer({ demo: opts.demo, env: opts.env }), launchBrowser()]);
    const admin = srv.client();
    expect((await admin.login()).status).toBe(200);
    Object.assign(env, {
      srv, admin, browser,
      page: async ({ usuario, context }: { usuario?: string; context?: BrowserContextOptions } = {}) => {
        const p = withInteractiveGoto(await (await browser.newContext(context)).newPage());
        p.on('console', (m) => m.type() === 'error' && record(m.text()));
        p.on('pageerror', (e) => record(e.message));
        if (usuario) await loginPage(p, srv.url, usuario);
        return p;
      },
      user: async (usuario: string, rol: string, area?: string) => {
        const r = await admin.fetch('/api/usuarios', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario, password: TEST_PASSWORD, rol, area }),
        });
        expect(r.status, await r.clone().text()).toBe(201);
      },
    } satisfies Omit<BrowserEnv, 'errors'>);
    await opts.prepare?.(env);
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.srv?.stop();
    await killStrayServers();
  });
  return env;
}
