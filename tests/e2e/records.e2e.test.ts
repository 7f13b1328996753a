import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { browserAvailable, launchBrowser } from '../support/browser';
import { buildSite, FIXTURE_LAB, type BuildResult } from '../support/build-site';
import { serveStatic, type StaticServer } from '../support/serve';

describe.runIf(browserAvailable())('records explorer, record page and GPU page in Chromium', () => {
	let build: BuildResult;
	let server: StaticServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		build = buildSite(FIXTURE_LAB);
		if (build.status !== 0) throw new Error(build.output);
		server = await serveStatic(build.outDir);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		build?.cleanup();
	});
	beforeEach(async () => {
		context = await browser.newContext();
		page = await context.newPage();
	});
	afterEach(async () => context.close());

	const visibleIds = () => page.locator('tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));

	it('filters by GPU count and warmth, sorts by output tok/s, and keeps the view in the URL', async () => {
		await page.goto(`${server.url}/records/`);
		await page.getByLabel('GPU count').selectOption('4');
		await page.getByLabel('Warm/cold').selectOption('warm');
		await page.getByRole('button', { name: 'Output tok/s' }).click();
		expect(await visibleIds()).toEqual(['minimax-strict-warm-20260521', 'minimax-strict-warm-20260519']);
		expect(await page.locator('[data-table-count]').textContent()).toMatch(/^2 of \d+ records shown$/);
		const shared = page.url();
		expect(new URL(shared).search).toBe('?gpuCount=4&warmth=warm&sort=output&dir=desc');

		const other = await context.newPage();
		await other.goto(shared);
		expect(await other.locator('tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id))).toEqual([
			'minimax-strict-warm-20260521',
			'minimax-strict-warm-20260519',
		]);
		expect(await other.getByLabel('Warm/cold').inputValue()).toBe('warm');
	});

	it('sorts ascending on a second click and shows every record after clearing', async () => {
		await page.goto(`${server.url}/records/?sort=output&dir=desc`);
		const total = await page.locator('tbody tr[data-id]').count();
		await page.getByRole('button', { name: 'Output tok/s' }).click();
		const ascending = await visibleIds();
		expect(ascending[0]).toBe('qwen36-q4-single-card-20260503');
		await page.getByRole('button', { name: 'Clear filters' }).click();
		await expect.poll(visibleIds).toHaveLength(total);
	});

	it('copies a record in the community result format', async () => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
		await page.goto(`${server.url}/records/minimax-strict-warm-20260521/`);
		await page.getByRole('button', { name: 'Copy as result format' }).click();
		await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Copied.');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied.split('\n').slice(0, 3)).toEqual([
			'Model: Lasimeri/MiniMax-M2.7-int4-AutoRound',
			'Quantization: AutoRound INT4 W4A16',
			'Hardware: 4x Intel Arc Pro B70 32GB (32 GB each); CPU AMD EPYC 9015 8-Core Processor; RAM 128 GB',
		]);
		expect(copied).toContain('Output tok/s: 88.72 output tok/s (generated tokens only)');
	});

	it('lists comparable records on a record page, with the gain', async () => {
		await page.goto(`${server.url}/records/minimax-strict-warm-20260521/`);
		const section = await page.locator('h2#comparable + ul').innerText();
		expect(section).toContain('MiniMax strict lane, warm, before the MoE change');
		expect(section).toContain('+10.07% in output tok/s');
		expect(section).not.toContain('cold');
	});

	it.each(['/records/', '/records/minimax-strict-warm-20260521/', '/gpus/'])('%s has no serious or critical accessibility violations', async (path) => {
		await page.goto(`${server.url}${path}`);
		expect(await seriousViolations(page)).toEqual([]);
	});
});
