/**
 * Data pages use the screen: on a desktop (1400x1000) their column widens past Starlight's
 * reading column and tables sit in the viewport or in a scroll region of their own whose header
 * and first column stay put; on a phone (390x844) no page scrolls sideways. Reading pages keep the
 * comfortable column. Screenshots of each page are written to B70_SCREENSHOTS (or a temporary
 * folder) for a person to look at.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser';
import { useSiteInBrowser } from '../support/site-in-browser';

const DATA_PAGES = [
	'/records/',
	'/records/compare/',
	'/negative-results/',
	'/timeline/',
	'/current-best/',
	'/lanes/minimax-m27-strict-p512n1536/',
	'/data/qwen36-fp8-tp4-ngram-sweep-20260506/',
];
const READING_PAGE = '/notes/2026-05-06-fp8-tp4-ngram-sweep/';
const VIEWPORTS = { desktop: { width: 1400, height: 1000 }, phone: { width: 390, height: 844 } } as const;

const screenshots = process.env.B70_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'b70-screenshots-'));
mkdirSync(screenshots, { recursive: true });

interface TableFit {
	table: string;
	/** The table fits the viewport's width as it is. */
	fits: boolean;
	/** Its scroll region, when it has one: focusable, named, inside the viewport. */
	region?: { tabindex: string | null; name: string | null; insideViewport: boolean; scrolls: boolean };
}

/** How each table of the page sits in the viewport (measured in the browser). */
function tableFits(page: Page): Promise<TableFit[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('main table')].map((table, index) => {
			const rect = table.getBoundingClientRect();
			const wrap = table.closest('.lab-table-wrap');
			const box = wrap?.getBoundingClientRect();
			return {
				table: `${index}: ${table.querySelector('th')?.textContent?.trim() ?? '(no header)'}`,
				fits: rect.left >= 0 && rect.right <= window.innerWidth + 0.5,
				region: wrap && box
					? {
							tabindex: wrap.getAttribute('tabindex'),
							name: wrap.getAttribute('aria-label'),
							insideViewport: box.left >= 0 && box.right <= window.innerWidth + 0.5,
							scrolls: wrap.scrollWidth > wrap.clientWidth || wrap.scrollHeight > wrap.clientHeight,
						}
					: undefined,
			};
		}),
	);
}

const pageOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
const contentWidth = (page: Page) => page.evaluate(() => document.querySelector('main .sl-container')!.getBoundingClientRect().width);
const shotName = (path: string, viewport: string) => `${viewport}${path.replace(/\/+/g, '-').replace(/-$/, '') || '-home'}.png`;

describe.runIf(browserAvailable())('data pages use the screen (Chromium)', () => {
	const site = useSiteInBrowser();

	for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
		it(`at ${viewport.width}x${viewport.height} no page scrolls sideways, and every table fits or scrolls in a named region`, async () => {
			const context = await site.browser.newContext({ viewport });
			const page = await context.newPage();
			for (const path of [...DATA_PAGES, READING_PAGE]) {
				const response = await page.goto(`${site.server.url}${path}`);
				expect(response?.status(), path).toBe(200);
				await page.screenshot({ path: join(screenshots, shotName(path, viewportName)), fullPage: true });
				expect(await pageOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
				for (const fit of await tableFits(page)) {
					if (fit.fits && !fit.region?.scrolls) continue;
					expect(fit.region, `${path} table ${fit.table} is wider than the screen and has no scroll region`).toBeDefined();
					expect(fit.region, `${path} table ${fit.table}`).toMatchObject({ tabindex: '0', insideViewport: true });
					expect(fit.region?.name, `${path} table ${fit.table} region has no name`).toBeTruthy();
				}
			}
			await context.close();
		});
	}

	it('widens data pages on a desktop and keeps reading pages in the comfortable column', async () => {
		const context = await site.browser.newContext({ viewport: VIEWPORTS.desktop });
		const page = await context.newPage();
		await page.goto(`${site.server.url}/negative-results/`);
		expect(await contentWidth(page)).toBeGreaterThan(1000);
		// The negative results table fits: no column is cut off at the right edge.
		const [negatives] = (await tableFits(page)).filter((fit) => fit.table.includes('What was tried'));
		expect(negatives?.fits).toBe(true);
		await page.goto(`${site.server.url}${READING_PAGE}`);
		expect(await contentWidth(page)).toBeLessThanOrEqual(45 * 16);
		await context.close();
	});

	it('keeps the header row and the pinned column (the record) in sight while a table scrolls', async () => {
		const context = await site.browser.newContext({ viewport: VIEWPORTS.phone });
		const page = await context.newPage();
		await page.goto(`${site.server.url}/records/`);
		const region = page.locator('.explorer .lab-table-wrap');
		// The fixture has few records: a short region makes the table scroll both ways.
		await region.evaluate((element) => {
			(element as HTMLElement).style.maxHeight = '160px';
			element.scrollTop = element.scrollHeight;
			element.scrollLeft = 600;
		});
		const placement = await region.evaluate((element) => {
			const box = element.getBoundingClientRect();
			const header = element.querySelector('thead th:nth-child(3)')!.getBoundingClientRect();
			// The record's name is the pinned column; its date scrolls away under it.
			const name = element.querySelector('tbody tr:last-child > :nth-child(2)')!.getBoundingClientRect();
			return { scrolled: element.scrollTop > 0 && element.scrollLeft > 0, headerTop: header.top - box.top, firstCellLeft: name.left - box.left };
		});
		expect(placement.scrolled).toBe(true);
		expect(Math.abs(placement.headerTop)).toBeLessThan(2);
		expect(Math.abs(placement.firstCellLeft)).toBeLessThan(2);
		await page.screenshot({ path: join(screenshots, 'phone-records-scrolled.png') });
		await context.close();
	});

	it('lets a keyboard reach every scrolling table, note tables included (axe: scrollable-region-focusable)', async () => {
		const { seriousViolations } = await import('../support/axe');
		const context = await site.browser.newContext({ viewport: VIEWPORTS.phone });
		const page = await context.newPage();
		for (const path of [...DATA_PAGES, READING_PAGE]) {
			await page.goto(`${site.server.url}${path}`);
			const violations = (await seriousViolations(page)).filter((violation) => violation.startsWith('scrollable-region-focusable'));
			expect(violations, path).toEqual([]);
		}
		// The note's markdown table scrolls in a named region of its own.
		await page.goto(`${site.server.url}${READING_PAGE}`);
		await expect(page.locator('.sl-markdown-content .lab-table-wrap[tabindex="0"][role="region"]').first().getAttribute('aria-label')).resolves.toMatch(/^Table/);
		await context.close();
	});
});
