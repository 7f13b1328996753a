import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { browserAvailable, launchBrowser } from '../support/browser';
import { buildSite, FIXTURE_LAB, type BuildResult } from '../support/build-site';
import { serveStatic, type StaticServer } from '../support/serve';

describe.runIf(browserAvailable())('timeline and negative results in Chromium', () => {
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
		context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
		page = await context.newPage();
	});
	afterEach(async () => context.close());

	it('lists every step in a table with the old columns and computed gains, without JavaScript', async () => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		const plain = await noScript.newPage();
		await plain.goto(`${server.url}/timeline/`);
		const headers = await plain.locator('.timeline-table thead th').allTextContents();
		expect(headers).toEqual(['Track', 'Date', 'Change / action', 'Result after change', 'Gain', 'Why it stayed in the path', 'Source']);
		const row = (text: string) => plain.locator('.timeline-table tr', { hasText: text }).innerText();
		expect(await row('Warm rerun with the MoE work-sharing kernel.')).toContain('+10.07%');
		expect(await row('First pass after a reboot.')).toContain('no comparable earlier run');
		expect(await row('LocalMaxxing submission of the MoE win.')).toContain('no comparable earlier run');
		expect(await row('Single-card baseline.')).toContain('no comparable earlier run');
		await noScript.close();
	});

	it('shows a step\'s labels, result and gain on keyboard focus and hover', async () => {
		await page.goto(`${server.url}/timeline/`);
		const point = page.locator('circle.step-point[aria-label^="MiniMax strict lane, warm rerun"]');
		await point.focus();
		const tooltip = page.locator('[data-timeline-tooltip]');
		await expect.poll(() => tooltip.isVisible()).toBe(true);
		const text = await tooltip.innerText();
		expect(text).toContain('88.72 output tok/s · gain +10.07%');
		expect(text).toContain('p512/n1536, ctx 2048 · batch 1 · warm · spec off · quality passed');
		await page.locator('circle.step-point[aria-label^="MiniMax strict lane, first pass"]').hover();
		expect(await tooltip.innerText()).toContain('gain no comparable earlier run');
	});

	it('toggles a track from the legend and switches to total tok/s', async () => {
		await page.goto(`${server.url}/timeline/`);
		const drawn = () => page.locator('[data-timeline]').getAttribute('data-drawn-points');
		const all = Number(await drawn());
		await page.getByRole('button', { name: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' }).click();
		expect(await page.getByRole('button', { name: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' }).getAttribute('aria-pressed')).toBe('false');
		expect(Number(await drawn())).toBe(all - 1);
		await page.getByLabel('Total tok/s').check();
		expect(await page.locator('.axis-title').textContent()).toBe('total tok/s');
	});

	it('zooms on dates with the brush and resets', async () => {
		await page.goto(`${server.url}/timeline/`);
		const drawn = () => page.locator('[data-timeline]').getAttribute('data-drawn-points');
		const overview = await page.locator('[data-timeline-overview] svg').boundingBox();
		await page.mouse.move(overview!.x + overview!.width * 0.75, overview!.y + 12);
		await page.mouse.down();
		await page.mouse.move(overview!.x + overview!.width - 20, overview!.y + 12, { steps: 5 });
		await page.mouse.up();
		const all = await page.locator('[data-timeline-data]').evaluate((script) => JSON.parse(script.textContent!).steps.length);
		await expect.poll(async () => Number(await drawn())).toBeLessThan(all);
		const labels = await page.locator('circle.step-point').evaluateAll((points) => points.map((point) => point.getAttribute('aria-label')));
		expect(labels.some((label) => label?.startsWith('Qwen'))).toBe(false);
		await page.getByRole('button', { name: 'Reset zoom' }).click();
		await expect.poll(async () => Number(await drawn())).toBe(all);
	});

	it('sorts and filters the negative results', async () => {
		await page.goto(`${server.url}/negative-results/`);
		const ids = () => page.locator('tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
		const all = await ids();
		expect(all).toContain('note:notes/2026-05-10-minimax-ccl-p2p-off-negative.md');
		await page.getByRole('button', { name: 'What was tried' }).click({ timeout: 5000 });
		const sorted = await ids();
		expect(sorted).toHaveLength(all.length);
		await page.getByLabel('Reason').selectOption('hang', { timeout: 5000 });
		expect(await ids()).toEqual(['note:notes/2026-05-10-minimax-ccl-p2p-off-negative.md']);
		await page.getByLabel('Text').fill('nothing matches this', { timeout: 5000 });
		expect(await ids()).toEqual([]);
	});

	it.each(['/timeline/', '/negative-results/'])('%s has no serious or critical accessibility violations', async (path) => {
		await page.goto(`${server.url}${path}`);
		expect(await seriousViolations(page)).toEqual([]);
	});
});
