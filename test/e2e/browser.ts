/**
 * The registry UI in a real browser: Debian's Chromium, headless, driven by puppeteer-core (the
 * maintained DevTools-protocol driver; `-core` because it never downloads a browser of its own).
 */
import { existsSync } from 'node:fs';
import puppeteer, { Browser } from 'puppeteer-core';

/** Where Debian's chromium package puts the browser (override with CHROMIUM_PATH). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the UI showed. */
export interface UiView {
  /** The page's visible text. */
  readonly text: string;
  /** HTTP status of the page itself. */
  readonly status: number;
}

/** Opens UI pages with HTTP basic auth; one browser for the whole check. */
export class UiBrowser {
  private constructor(private readonly browser: Browser) {}

  /** Launches headless Chromium; fails with the path when it is missing. */
  public static async launch(): Promise<UiBrowser> {
    if (!existsSync(CHROMIUM))
      throw new Error(`no Chromium at ${CHROMIUM} (scripts/toolchain.sh installs it)`);
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      timeout: 60_000,
    });
    return new UiBrowser(browser);
  }

  /**
   * Opens `url` as `user`, waits (at most 30 s) until the page shows every string in `expect`,
   * saves a screenshot and resolves to what the page showed.
   */
  public async view(
    url: string,
    credentials: { username: string; password: string } | undefined,
    expect: readonly string[],
    screenshot: string,
  ): Promise<UiView> {
    const page = await this.browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 800 });
      if (credentials) await page.authenticate(credentials);
      const response = await page.goto(url, { waitUntil: 'networkidle0', timeout: 30_000 });
      try {
        // Expressions as strings: they run in the page, where the DOM is (not in Node's types).
        await page.waitForFunction(
          `${JSON.stringify(expect)}.every((n) => document.body.innerText.includes(n))`,
          { timeout: 30_000, polling: 250 },
        );
      } finally {
        await page.screenshot({ path: screenshot as `${string}.png`, fullPage: true });
      }
      const text = (await page.evaluate('document.body.innerText')) as string;
      return { text, status: response?.status() ?? 0 };
    } finally {
      await page.close();
    }
  }

  /** Closes the browser. */
  public async close(): Promise<void> {
    await this.browser.close();
  }
}
