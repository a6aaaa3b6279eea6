// Opens an example's page in headless Chromium (Debian's /usr/bin/chromium unless CHROME_PATH says otherwise) and
// checks what a user would see: the dashboard's highlights show numbers (not dashes, not the "connect a data source"
// state), the map draws its countries once scrolled into view, the console has no error, no request failed or
// answered 400 or more, and no Content-Security-Policy violation was reported. Returns a one-line summary; throws on
// the first problem. Playwright's CSS selectors pierce open shadow roots, which is how the panels are found.
import { chromium } from 'playwright-core';

export async function checkPage(url, { csp = false, timeout = 90_000 } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const failures = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`);
    });
    // Injected by the browser, not by the page: a strict policy does not apply to it.
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()),
      );
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout });
    const policy = response?.headers()['content-security-policy'] ?? '';
    if (csp && !/require-trusted-types-for/.test(policy)) throw new Error(`the page was not served with the strict policy: "${policy}"`);

    // The highlights: every figure shown, each with a digit, at least one not zero.
    const values = page.locator('entry-highlights .value');
    await values.first().waitFor({ timeout });
    await page.waitForFunction(
      () => {
        const find = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName === 'entry-highlights') return el;
            const inner = el.shadowRoot && find(el.shadowRoot);
            if (inner) return inner;
          }
          return null;
        };
        const el = find(document);
        const texts = el ? [...el.shadowRoot.querySelectorAll('.value')].map((v) => v.textContent.trim()) : [];
        return texts.length >= 4 && texts.every((t) => /\d/.test(t)) && texts.some((t) => /[1-9]/.test(t));
      },
      null,
      { timeout },
    );
    const figures = (await values.allTextContents()).map((t) => t.trim());

    // The map: scrolled into view (it loads its code and geometry then), then its countries.
    const map = page.locator('top-countries').first();
    await map.scrollIntoViewIfNeeded({ timeout });
    await page.waitForFunction(
      () => {
        const find = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName === 'top-countries') return el;
            const inner = el.shadowRoot && find(el.shadowRoot);
            if (inner) return inner;
          }
          return null;
        };
        const el = find(document);
        return el?.shadowRoot && el.shadowRoot.querySelectorAll('svg path').length > 100;
      },
      null,
      { timeout },
    );
    const paths = await page.locator('top-countries svg path').count();
    // Late errors (a chunk that 404s after the map shows) get a moment to arrive.
    await page.waitForTimeout(500);
    const violations = await page.evaluate(() => window.__violations);

    if (errors.length) throw new Error(`console errors:\n${errors.join('\n')}`);
    if (failures.length) throw new Error(`failed requests:\n${failures.join('\n')}`);
    if (violations.length) throw new Error(`CSP violations:\n${violations.join('\n')}`);
    return `highlights ${figures.join(' | ')}; map ${paths} paths; 0 console errors, 0 failed requests, 0 CSP violations${csp ? ' under the strict policy' : ''}`;
  } finally {
    await browser.close();
  }
}
