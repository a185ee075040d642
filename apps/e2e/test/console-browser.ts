import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions, seriousAxeViolations, signInToConsole } from '@shiplink/test-world';

const AXE = require.resolve('axe-core');

/**
 * One Chromium for a console test file: pages at a width, signed in as a user, closed after each
 * test. The console's CSP refuses inline scripts; the accessibility checker is let in on purpose.
 */
export class ConsoleBrowser {
  private pages: Page[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<ConsoleBrowser> {
    return new ConsoleBrowser(await chromium.launch(chromiumLaunchOptions()));
  }

  async newPage(width = 1280): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    this.pages.push(page);
    page.setDefaultTimeout(20_000);
    return page;
  }

  async signedIn(ingressUrl: string, email: string, width = 1280): Promise<Page> {
    const page = await this.newPage(width);
    await signInToConsole(page, ingressUrl, email);
    return page;
  }

  /** Closes the pages the last test opened. */
  async closePages(): Promise<void> {
    for (const page of this.pages) await page.context().close();
    this.pages = [];
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export const violations = (page: Page) => seriousAxeViolations(page, AXE);

/** Opens a screen from the console's main navigation and waits for its heading. */
export async function openScreen(page: Page, link: string, heading = link): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}
