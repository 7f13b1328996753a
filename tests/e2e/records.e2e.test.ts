import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { browserAvailable } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

describe.runIf(browserAvailable())('records explorer, record page and GPU page in Chromium', () => {
	// One row per static page, so the fixture's few records and negative results span many pages.
	const site = useSiteInBrowser({ env: { TABLE_ROWS_PER_PAGE: '1' } });

	const idsOn = (page: Page) => () => page.locator('tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id));
	const visibleIds = () => idsOn(site.page)();

	/** The records the filters should leave, computed from the open data, not from the page. */
	async function expectedIds(keep: (record: { hardware: { gpuCount: unknown }; warmth: unknown }) => boolean, order: 'asc' | 'desc'): Promise<string[]> {
		const data = (await (await fetch(`${site.server.url}/records.json`)).json()) as { records: Array<{ id: string; record: { hardware: { gpuCount: unknown }; warmth: unknown; metrics: { outputTokPerS?: number } } }> };
		const rows = data.records.filter((entry) => keep(entry.record) && entry.record.metrics.outputTokPerS !== undefined);
		rows.sort((a, b) => (order === 'desc' ? -1 : 1) * ((a.record.metrics.outputTokPerS ?? 0) - (b.record.metrics.outputTokPerS ?? 0)));
		return rows.map((entry) => entry.id);
	}

	it('filters by GPU count and warmth over every page of records, sorts by output tok/s, and keeps the view in the URL', async () => {
		await site.page.goto(`${site.server.url}/records/`);
		expect(await visibleIds()).toHaveLength(1);
		await site.page.getByLabel('GPU count').selectOption('4');
		await site.page.getByLabel('Warm/cold').selectOption('warm');
		await site.page.getByRole('button', { name: 'Output tok/s' }).click();
		const expected = await expectedIds((record) => record.hardware.gpuCount === 4 && record.warmth === 'warm', 'desc');
		expect(expected).toContain('minimax-strict-warm-20260521');
		await expect.poll(visibleIds).toEqual(expected);
		expect(await site.page.locator('[data-table-count]').textContent()).toMatch(new RegExp(`^${expected.length} of \\d+ records shown$`));
		expect(await site.page.locator('[data-table-pager]').isVisible()).toBe(false);
		const shared = site.page.url();
		expect(new URL(shared).search).toBe('?gpuCount=4&warmth=warm&sort=output&dir=desc');

		const other = await site.context.newPage();
		await other.goto(shared);
		await expect.poll(idsOn(other)).toEqual(expected);
		expect(await other.getByLabel('Warm/cold').inputValue()).toBe('warm');
	});

	it('sorts every record ascending on a second click, and shows the first page again after clearing', async () => {
		const total = (await (await fetch(`${site.server.url}/records.json`)).json()).count as number;
		await site.page.goto(`${site.server.url}/records/?sort=output&dir=desc`);
		await expect.poll(visibleIds).toHaveLength(total);
		await site.page.getByRole('button', { name: 'Output tok/s' }).click();
		const lowest = (await expectedIds(() => true, 'asc'))[0];
		await expect.poll(async () => (await visibleIds())[0]).toBe(lowest);
		await site.page.getByRole('button', { name: 'Clear filters' }).click();
		await expect.poll(visibleIds).toHaveLength(1);
		expect(await site.page.locator('[data-table-pager]').isVisible()).toBe(true);
		expect(new URL(site.page.url()).search).toBe('');
	});

	it('reaches every record without JavaScript by following the pages, one page at a time', async () => {
		const exported = (await (await fetch(`${site.server.url}/records.json`)).json()) as { records: Array<{ id: string }> };
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const seen: string[] = [];
		let next: string | null = `${site.server.url}/records/`;
		while (next) {
			await page.goto(next);
			const ids = await idsOn(page)();
			expect(ids).toHaveLength(1);
			seen.push(...(ids as string[]));
			const link = page.locator('[data-table-pager] a[rel="next"]');
			next = (await link.count()) ? new URL((await link.getAttribute('href'))!, page.url()).href : null;
		}
		await context.close();
		expect(seen.sort()).toEqual(exported.records.map((record) => record.id).sort());
	});

	it('reaches every timeline step without JavaScript, newest first, by following the table\'s pages', async () => {
		const exported = (await (await fetch(`${site.server.url}/timeline.json`)).json()) as { steps: Array<{ date: string }> };
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const datesByPage: string[][] = [];
		let next: string | null = `${site.server.url}/timeline/`;
		while (next) {
			await page.goto(next);
			datesByPage.push(await page.locator('.timeline-table tbody tr:not(.section-row) td:nth-child(2)').allTextContents());
			const link = page.locator('[data-table-pager] a[rel="next"]');
			next = (await link.count()) ? new URL((await link.getAttribute('href'))!, page.url()).href : null;
		}
		await context.close();
		expect(datesByPage.flat().sort()).toEqual(exported.steps.map((step) => step.date).sort());
		// Eight table rows' worth of steps a page (src/lib/timeline/step-pages.ts; its unit test pages a longer timeline).
		expect(datesByPage.length).toBe(Math.ceil(exported.steps.length / 8));
		for (let index = 1; index < datesByPage.length; index++) expect(datesByPage[index - 1].every((date) => datesByPage[index].every((earlier) => earlier <= date))).toBe(true);
	});

	it('reaches every run of a lane without JavaScript, ranked ones first, by following the lane\'s pages', async () => {
		const exported = (await (await fetch(`${site.server.url}/records.json`)).json()) as { records: Array<{ id: string; record: { lane?: string } }> };
		const lanes = [...new Set(exported.records.flatMap((entry) => (entry.record.lane ? [entry.record.lane] : [])))];
		expect(lanes.length).toBeGreaterThan(0);
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const lane of lanes) {
			const seen: string[] = [];
			let next: string | null = `${site.server.url}/lanes/${lane}/`;
			while (next) {
				await page.goto(next);
				const hrefs = await page.locator('table.record-list tbody tr td:nth-child(2) a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
				// One row a page here (TABLE_ROWS_PER_PAGE=1): no page carries the whole lane.
				expect(hrefs.length).toBeLessThanOrEqual(1);
				seen.push(...hrefs.map((href) => decodeURIComponent(href.replace(/^\/records\//, '').replace(/\/$/, ''))));
				const link = page.locator('[data-table-pager] a[rel="next"]');
				next = (await link.count()) ? new URL((await link.getAttribute('href'))!, page.url()).href : null;
			}
			expect(seen.sort()).toEqual(exported.records.filter((entry) => entry.record.lane === lane).map((entry) => entry.id).sort());
		}
		await context.close();
	});

	it('filters negative results over every page', async () => {
		await site.page.goto(`${site.server.url}/negative-results/`);
		expect(await visibleIds()).toHaveLength(1);
		await site.page.getByLabel('Reason').selectOption('hang');
		await expect.poll(visibleIds).toEqual(['note:notes/2026-05-10-minimax-ccl-p2p-off-negative.md']);
		await site.page.getByLabel('Text').fill('frontmatter title');
		await site.page.getByLabel('Reason').selectOption('');
		await expect.poll(visibleIds).toEqual(['note:notes/2026-05-20-frontmatter-override.md']);
	});

	it('copies a record in the community result format', async () => {
		await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
		await site.page.goto(`${site.server.url}/records/minimax-strict-warm-20260521/`);
		await site.page.getByRole('button', { name: 'Copy as result format' }).click();
		await expect.poll(() => site.page.locator('[data-copy-status]').textContent()).toBe('Copied.');
		const copied = await site.page.evaluate(() => navigator.clipboard.readText());
		expect(copied.split('\n').slice(0, 3)).toEqual([
			'Model: Lasimeri/MiniMax-M2.7-int4-AutoRound',
			'Quantization: AutoRound INT4 W4A16',
			'Hardware: 4x Intel Arc Pro B70 32GB (32 GB each); CPU AMD EPYC 9015 8-Core Processor; RAM 128 GB',
		]);
		expect(copied).toContain('Output tok/s: 88.72 output tok/s (generated tokens only)');
	});

	it('lists comparable records on a record page, with the gain', async () => {
		await site.page.goto(`${site.server.url}/records/minimax-strict-warm-20260521/`);
		const section = await site.page.locator('h2#comparable + ul').innerText();
		expect(section).toContain('MiniMax strict lane, warm, before the MoE change');
		expect(section).toContain('+10.07% in output tok/s');
		expect(section).not.toContain('cold');
	});

	it.each(['/records/', '/records/page/2/', '/negative-results/page/2/', '/records/minimax-strict-warm-20260521/', '/gpus/'])('%s has no serious or critical accessibility violations', async (path) => {
		await site.page.goto(`${site.server.url}${path}`);
		expect(await seriousViolations(site.page)).toEqual([]);
	});
});
