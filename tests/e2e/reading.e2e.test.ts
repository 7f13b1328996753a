/**
 * Following the lab and reading it in either color scheme: the what's-new page and the feeds,
 * search that keeps its view in the address, and every page kind checked by axe-core in light
 * and dark (plus SVG text contrast and the hidden attribute). One build, served under a base path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { browserAvailable } from '../support/browser';
import { appliedScheme, lowContrastSvgText, schemeContext, shownHiddenElements, type Scheme } from '../support/color-scheme';
import { useSiteInBrowser } from '../support/site-in-browser';
import { xmlProblem } from '../support/xml';

const BASE = '/b70-optimization-lab';
const SITE = 'https://lab.example.org';

/** One page of each kind the site has. */
const PAGE_KINDS = [
	'/',
	'/whats-new/',
	'/search/?q=fp8',
	'/timeline/',
	'/records/',
	'/records/compare/',
	'/records/scaling/',
	'/negative-results/',
	'/current-best/',
	'/notes/',
	'/notes/2026-05-10-minimax-ccl-p2p-off-negative/',
	'/records/minimax-strict-warm-20260521/',
	'/data/minimax-m27-moe-ws-strict-win-20260518/',
	'/lab/CURRENT/',
	'/repro/demo-qwen-q4-llamacpp/',
	'/guides/community-results/',
	'/report/',
	'/gpus/',
];

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

describe.runIf(browserAvailable())('following the lab, in both color schemes (Chromium)', () => {
	const site = useSiteInBrowser({ basePath: BASE, env: { SITE_URL: SITE } });
	const file = (path: string) => readFileSync(join(site.build.outDir, path), 'utf8');
	const parser = new XMLParser({ ignoreAttributes: false });

	it('publishes a valid site-wide feed with absolute links under the base and stable ids', () => {
		const xml = file('feed.xml');
		expect(xmlProblem(xml)).toBeUndefined();
		const channel = parser.parse(xml).rss.channel;
		expect(channel.link).toBe(`${SITE}${BASE}/`);
		const items = channel.item as Array<{ title: string; link: string; guid: { '#text': string; '@_isPermaLink': string }; pubDate: string }>;
		expect(items.length).toBeGreaterThan(5);
		for (const item of items) expect(item.link.startsWith(`${SITE}${BASE}/`)).toBe(true);
		const note = items.find((item) => item.title === 'Negative result: Frontmatter title wins')!;
		expect(note.guid).toEqual({ '#text': 'lab:notes/2026-05-20-frontmatter-override.md', '@_isPermaLink': 'false' });
		expect(note.pubDate).toBe('Thu, 21 May 2026 00:00:00 GMT');
		const strict = items.find((item) => item.link.endsWith('/records/minimax-moe-ws-strict-win-20260518/'))!;
		expect(strict.guid['#text']).toBe('lab:data/records/minimax-moe-ws-strict-win-20260518.json');
		expect(strict.title).toContain('80.603 output tok/s');
		// Imported runs with a LocalMaxxing id are keyed on it, not on their (derived) page.
		const runs = items.filter((item) => /^localmaxxing:cm[a-z0-9]{23}/.test(item.guid['#text']));
		expect(runs.length).toBeGreaterThan(0);
		for (const run of runs) expect(run.link).toContain(`${BASE}/records/imported/`);
		expect(new Set(items.map((item) => item.guid['#text'])).size).toBe(items.length);
	});

	it('publishes one valid feed per track, linked from the what\'s-new page', async () => {
		const feeds = readdirSync(join(site.build.outDir, 'feed'));
		expect(feeds).toContain('qwen-q4-gguf.xml');
		for (const feed of feeds) expect(xmlProblem(file(`feed/${feed}`)), feed).toBeUndefined();
		const items = [parser.parse(file('feed/qwen-q4-gguf.xml')).rss.channel.item].flat() as Array<{ link: string }>;
		expect(items.length).toBeGreaterThan(0);
		await site.page.goto(`${site.server.url}/whats-new/`);
		const hrefs = await site.page.locator('#feeds + ul a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(hrefs).toEqual(expect.arrayContaining([`${BASE}/feed.xml`, `${BASE}/feed/qwen-q4-gguf.xml`]));
	});

	it('links the feed from every page\'s head, and points robots.txt at the sitemap', () => {
		// Reading pages only: the rows files the tables fetch (marked noindex) are data, not pages.
		const pages = htmlFiles(site.build.outDir).filter((page) => !/<meta name="robots" content="noindex/.test(readFileSync(page, 'utf8')));
		expect(pages.length).toBeGreaterThan(20);
		const without = pages.filter((page) => !readFileSync(page, 'utf8').includes(`<link rel="alternate" type="application/rss+xml" title="B70 Optimization Lab: what is new" href="${BASE}/feed.xml"`));
		expect(without).toEqual([]);
		expect(file('robots.txt')).toContain(`Sitemap: ${SITE}${BASE}/sitemap-index.xml`);
		expect(file('sitemap-index.xml')).toContain('<sitemapindex');
	});

	it("lists what's new newest day first, with the note page's dates and labeled figures", async () => {
		await site.page.goto(`${site.server.url}/whats-new/`);
		const days = await site.page.locator('main h2 time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
		expect(days.length).toBeGreaterThan(3);
		expect(days).toEqual([...days].sort().reverse());
		expect(days[0]).toBe('2026-05-21');
		const firstDay = await site.page.locator('main section').first().innerText();
		expect(firstDay).toContain('Frontmatter title wins');
		expect(firstDay).toMatch(/PROMOTED\s+MiniMax strict lane, warm rerun/i);
		expect(firstDay).toContain('88.72 output tok/s');
		expect(firstDay).toContain('p512/n1536, ctx 2048 · batch 1 · concurrency 1 · warm');
		await site.page.getByRole('link', { name: 'Frontmatter title wins' }).click();
		expect(await site.page.locator('.lab-meta time').getAttribute('datetime')).toBe('2026-05-21');
	});

	it('shows the latest entries on the hub, linked to the what\'s-new page', async () => {
		await site.page.goto(`${site.server.url}/`);
		const latest = site.page.locator('h2#whats-new + ul .whats-new-entry');
		expect(await latest.count()).toBeGreaterThan(3);
		expect(await latest.first().innerText()).toContain('2026-05-21');
		await site.page.getByRole('link', { name: 'Everything new, day by day' }).click();
		await expect.poll(() => site.page.locator('h1').textContent()).toBe("What's new");
	});

	it('shows the address\'s query in a labeled box, keeps typing and facets in the address, and goes Back', async () => {
		const page = site.page;
		await page.goto(`${site.server.url}/search/?q=fp8`);
		const box = page.getByLabel('Search notes, records, data, recipes and guides');
		await expect.poll(() => box.inputValue()).toBe('fp8');
		await page.locator('#lab-search .pagefind-ui__result').first().waitFor({ timeout: 10_000 });
		const entries = await page.evaluate(() => history.length);

		await box.fill('');
		await box.pressSequentially('minimax', { delay: 30 });
		await expect.poll(() => new URL(page.url()).search).toBe('?q=minimax');
		// One history entry for the whole word, not one per keystroke.
		expect(await page.evaluate(() => history.length)).toBe(entries + 1);

		await page.waitForTimeout(900);
		await page.locator('#lab-search .pagefind-ui__filter-label', { hasText: /^Note \(/ }).click({ timeout: 10_000 });
		await expect.poll(() => new URL(page.url()).search).toBe('?q=minimax&kind=Note');

		await page.goBack();
		await expect.poll(() => new URL(page.url()).search).toBe('?q=minimax');
		expect(await page.locator('#kind-Note').isChecked()).toBe(false);
		await page.goBack();
		await expect.poll(() => box.inputValue()).toBe('fp8');
		expect(new URL(page.url()).search).toBe('?q=fp8');
	});

	it('hides the timeline tooltip until a point is hovered or focused, and describes the point in words', async () => {
		await site.page.goto(`${site.server.url}/timeline/`);
		const tooltip = site.page.locator('[data-timeline-tooltip]');
		await site.page.locator('circle.step-point').first().waitFor();
		expect(await tooltip.isVisible()).toBe(false);
		const point = site.page.locator('circle.step-point[aria-label^="MiniMax strict lane, warm rerun"]');
		await point.focus();
		await expect.poll(() => tooltip.isVisible()).toBe(true);
		expect(await tooltip.innerText()).toContain('Status: promoted: stayed in the path');
		await point.blur();
		await expect.poll(() => tooltip.isVisible()).toBe(false);
		await point.hover();
		await expect.poll(() => tooltip.isVisible()).toBe(true);
	});

	const cases = (['light', 'dark'] as Scheme[]).flatMap((scheme) => PAGE_KINDS.map((path) => [scheme, path] as const));
	it.each(cases)('%s scheme, %s: no serious or critical axe violation, readable chart text, nothing hidden shown', async (scheme, path) => {
		const context = await schemeContext(site.browser, scheme);
		const page = await context.newPage();
		try {
			await page.goto(`${site.server.url}${path}`);
			const applied = await appliedScheme(page);
			expect(applied.theme).toBe(scheme);
			if (scheme === 'dark') expect(applied.backgroundLuminance).toBeLessThan(0.1);
			else expect(applied.backgroundLuminance).toBeGreaterThan(0.8);
			if (path.startsWith('/search/')) await page.locator('#lab-search .pagefind-ui__result').first().waitFor({ timeout: 10_000 });
			// The tooltip is part of the page once a point has focus: check it too.
			if (path === '/timeline/') await page.locator('circle.step-point').first().focus();
			expect(await seriousViolations(page)).toEqual([]);
			expect(await lowContrastSvgText(page)).toEqual([]);
			expect(await shownHiddenElements(page)).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
