import { CONSOLE_PASSWORD } from './console-world';

/*
 * Driving the console in a real browser. The test world depends on no browser library: these
 * take the few methods of a Playwright page they call, which a Playwright `Page` has.
 */

export interface ConsolePage {
  goto(url: string): Promise<unknown>;
  getByLabel(text: string, options: { exact: boolean }): { fill(value: string): Promise<void> };
  getByRole(role: 'button', options: { name: string; exact: boolean }): { click(): Promise<void> };
  getByText(text: string): { waitFor(): Promise<void> };
  addScriptTag(options: { path: string }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

/** How the browser tests start Chromium: headless, and `CHROMIUM_PATH` where it is elsewhere. */
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  };
}

/** Signs a tenant user in on the console's sign-in screen, as a person types it. */
export async function signInToConsole(
  page: ConsolePage,
  ingressUrl: string,
  email: string,
  password = CONSOLE_PASSWORD,
): Promise<void> {
  await page.goto(`${ingressUrl}/console/`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Signed in as').waitFor();
}

/**
 * axe-core's serious and critical findings on the page as it is now (`axePath`: the caller's
 * copy of axe.min.js). The page needs its CSP bypassed to let the checker's script in.
 */
export async function seriousAxeViolations(page: ConsolePage, axePath: string): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate('axe.run()')) as {
    violations: { id: string; impact: string | null }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}
