import { serveStatic } from './tests/support/serve';
import { launchBrowser } from './tests/support/browser';
import { seriousViolations } from './tests/support/axe';
const dir = process.argv[2]; const base = process.argv[3] ?? '';
const pages = process.argv.slice(4);
const server = await serveStatic(dir, base);
const browser = await launchBrowser();
for (const scheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 1000 } });
  await context.addInitScript((s) => localStorage.setItem('starlight-theme', s), scheme);
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(server.url + path); await page.waitForTimeout(path.includes('search') ? 2500 : 300);
    const theme = await page.evaluate(() => document.documentElement.dataset.theme);
    const shownHidden = await page.evaluate(() => [...document.querySelectorAll('[hidden]')].filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.outerHTML.slice(0, 120)));
    console.log(scheme, theme, path, JSON.stringify(await seriousViolations(page), null, 1), 'hiddenShown', shownHidden);
  }
  await context.close();
}
await browser.close(); await server.stop();
