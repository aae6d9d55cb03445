import { chromium, type Browser, type Page } from 'playwright-core';

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
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args);
    const goto = page.goto.bind(page);
    page.goto = async (...g: Parameters<Page['goto']>) => {
      const r = await goto(...g);
      await waitInteractive(page);
      return r;
    };
    return page;
  };
  return browser;
}

/** Waits (up to 15 s) until the dashboard layout has hydrated: body[data-hidratada="si"]. */
export async function waitInteractive(page: Page): Promise<void> {
  await page.waitForSelector('body[data-hidratada="si"]', { state: 'attached', timeout: 15_000 }).catch(() => undefined);
}

/** Logs in through the real login page. */
export async function loginPage(page: Page, baseUrl: string, usuario: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Usuario').fill(usuario);
  await page.getByLabel('Contraseña').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Iniciar sesión' }).click()]);
  await waitInteractive(page);
}
