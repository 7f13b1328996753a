import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

const BASE = '/b70-optimization-lab';

describe.runIf(browserAvailable())('search in Chromium (site served under a base path)', () => {
	const site = useSiteInBrowser({ basePath: BASE });

	async function search(query: string): Promise<{ page: Page; titles: string[]; urls: string[]; count: number }> {
		const page = await site.browser.newPage();
		await page.goto(`${site.server.url}/search/?${query}`);
		const links = page.locator('#lab-search .pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
		await links.first().waitFor({ timeout: 10_000 });
		await page.waitForTimeout(300); // results settle after the first one renders
		const message = (await page.locator('#lab-search .pagefind-ui__message').textContent()) ?? '';
		const count = Number(/(\d+) results?/.exec(message)?.[1] ?? Number.NaN);
		return { page, titles: await links.allTextContents(), urls: await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!)), count };
	}

	it('finds the note that discusses a flag first', async () => {
		const { page, titles } = await search('q=CCL_P2P');
		expect(titles[0]).toMatch(/^MiniMax CCL P2P-Off Negative \(Note · 2026-05-10\)/);
		// The filter panel fills in as Pagefind loads each filter's index.
		const facets = async () => (await page.locator('#lab-search .pagefind-ui__filter-name').allTextContents()).map((facet) => facet.trim());
		await expect.poll(facets, { timeout: 10_000 }).toEqual(expect.arrayContaining(['Kind', 'Outcome', 'Track', 'Month', 'Cards']));
		await page.close();
	});

	it('ranks the note that introduced a flag above its data and records', async () => {
		const { page, titles } = await search('q=VLLM_XPU_USE_LLM_SCALER_MOE_WS');
		expect(titles[0]).toMatch(/^MiniMax MoE Work-Sharing Strict Win \(Note · 2026-05-18\)/);
		await page.close();
	});

	it('indexes what a page says, not its metadata line: no excerpt shows kind, date, track or source path', async () => {
		for (const query of ['q=CCL_P2P', 'q=minimax', 'q=fp8']) {
			const { page } = await search(query);
			const excerpts = await page.locator('#lab-search .pagefind-ui__result-excerpt').allTextContents();
			expect(excerpts.length, query).toBeGreaterThan(0);
			for (const excerpt of excerpts) {
				expect(excerpt, query).not.toMatch(/(Lab note|Write-up|Experiment data|Benchmark record)\s*\d{4}-\d{2}|track: |outcome unclassified|imported from legacy material|Lab note of this experiment/);
			}
			await page.close();
		}
	});

	it('narrows results to negative outcomes', async () => {
		const all = await search('q=minimax');
		const negative = await search('q=minimax&outcome=negative');
		expect(negative.count).toBeGreaterThan(0);
		expect(negative.count).toBeLessThan(all.count);
		expect(negative.titles.some((title) => title.startsWith('MiniMax CCL P2P-Off Negative'))).toBe(true);
		expect(negative.titles.some((title) => title.includes('strict lane, warm rerun'))).toBe(false);
		await all.page.close();
		await negative.page.close();
	});

	it("counts each facet value among a query's results exactly as Pagefind itself counts them", async () => {
		const { page, count } = await search('q=minimax&kind=Note');
		// The page counts with the build's facet table, not by loading every Pagefind filter.
		const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
		expect(fetched.some((url) => url.endsWith('/lab-search/facets.json'))).toBe(true);
		expect(fetched.filter((url) => url.endsWith('.pf_filter')).length).toBeLessThanOrEqual(1);
		// A string, not a function: vitest would rewrite a function's import() into its own loader.
		const compared = (await page.evaluate(`(async (base) => {
			const shown = await import(location.origin + base + '/lab-search/pagefind.js');
			const pagefind = await import(location.origin + base + '/pagefind/pagefind.js');
			// Pagefind counting for itself: its own instance, every filter loaded.
			const counting = pagefind.createInstance({ basePath: base + '/pagefind/' });
			await counting.filters();
			const pairs = [];
			for (const [term, options] of [['minimax', {}], ['minimax', { filters: { kind: ['Note'] } }], ['minimax', { filters: { outcome: ['negative'] } }]]) {
				const ours = await shown.search(term, options);
				const theirs = await counting.search(term, options);
				pairs.push({ ours: ours.filters, theirs: theirs.filters, results: ours.results.length });
			}
			return { pairs, totals: await shown.filters(), pagefindTotals: await counting.filters() };
		})(${JSON.stringify(BASE)})`)) as { pairs: Array<{ ours: unknown; theirs: unknown; results: number }>; totals: unknown; pagefindTotals: unknown };
		for (const { ours, theirs, results } of compared.pairs) {
			expect(results).toBeGreaterThan(0);
			expect(ours).toEqual(theirs);
		}
		expect(compared.totals).toEqual(compared.pagefindTotals);
		// And the panel shows them: the ticked kind counts every result on the page's message.
		const noteCount = page.locator('#lab-search .pagefind-ui__filter-checkbox[name="kind"][value="Note"] + label');
		await expect.poll(async () => (await noteCount.textContent()) ?? '', { timeout: 5_000 }).toContain(`(${count})`);
		await page.close();
	});

	it('finds a record by its LocalMaxxing id and shows its labeled metric', async () => {
		const { page, titles, urls } = await search('q=cmpasdq5v007nmn019elaut3s');
		const index = urls.findIndex((url) => url === `${BASE}/records/minimax-moe-ws-strict-win-20260518/`);
		expect(index).toBeGreaterThanOrEqual(0);
		expect(titles[index]).toContain('Record · 2026-05-18 · 80.603 output tok/s');
		await page.close();
	});

	it('finds a model id and links every result under the base path', async () => {
		const { page, urls } = await search(`q=${encodeURIComponent('Lasimeri/MiniMax-M2.7-int4-AutoRound')}`);
		expect(urls.length).toBeGreaterThan(0);
		for (const url of urls) expect(url.startsWith(`${BASE}/`)).toBe(true);
		await page.close();
	});
});
