import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser } from '../support/browser';
import { buildSite, FIXTURE_LAB, type BuildResult } from '../support/build-site';
import { serveStatic, type StaticServer } from '../support/serve';

describe.runIf(browserAvailable())('the built site in Chromium', () => {
	let build: BuildResult;
	let server: StaticServer;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		build = buildSite(FIXTURE_LAB);
		if (build.status !== 0) throw new Error(build.output);
		server = await serveStatic(build.outDir);
		browser = await launchBrowser();
	});

	// A fresh context per test: no cache, storage or page state leaks from one test to the next.
	beforeEach(async () => {
		page = await (await browser.newContext()).newPage();
	});

	afterEach(async () => {
		await page.context().close();
	});

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		build?.cleanup();
	});

	it('takes a reader from the home page to a labeled record', async () => {
		await page.goto(`${server.url}/`);
		await page.getByRole('link', { name: 'Benchmark records' }).first().click();
		await page.getByRole('link', { name: /MiniMax M2.7 MoE work-sharing strict win/ }).click();
		await expect.poll(() => page.locator('h1').textContent()).toContain('MiniMax M2.7 MoE work-sharing strict win');
		const body = await page.locator('main').innerText();
		expect(body).toContain('80.603 output tok/s');
		expect(body).toMatch(/incomplete labels \(5\)/i);
		expect(await page.locator('tr', { hasText: 'Warm/cold' }).innerText()).toContain('not recorded');
	});

	it('finds a note by a flag name through the search dialog', async () => {
		await page.goto(`${server.url}/`, { timeout: 5_000 });
		await page.getByRole('button', { name: 'Search' }).click({ timeout: 5_000 });
		await page.locator('dialog input.pagefind-ui__search-input').fill('CCL_P2P', { timeout: 5_000 });
		const results = page.locator('dialog .pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
		await results.first().waitFor({ timeout: 10_000 });
		expect(await results.allTextContents()).toContain('MiniMax CCL P2P-Off Negative');
	});
});
