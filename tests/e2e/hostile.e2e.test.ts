/**
 * The browser proof for hostile lab material: one hostile copy of the fixture lab is built, and
 * every page holding hostile text is opened in Chromium with a dialog listener. No dialog may
 * open, no element may carry an event handler or a script URL, and no planted secret may be
 * anywhere in dist/ (the search index included).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabHostile, PLANTED_SECRETS, secretCore } from '../fixtures/hostile/hostile-lab';
import { browserAvailable, launchBrowser } from '../support/browser';
import { buildSite, copyFixtureLab, type BuildResult } from '../support/build-site';
import { serveStatic, type StaticServer } from '../support/serve';

const PAGES = ['notes/2026-05-21-hostile-html/', 'notes/2026-05-21-hostile-title-negative/', 'records/', 'negative-results/', 'timeline/', 'data/hostile-values-20260521/', 'data/hostile-nesting-20260521/', 'records/qwen36-q4-single-card-20260503/', 'notes/'];

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** A file's text; gzip (the search index) is opened first. */
function readAny(path: string): string {
	const bytes = readFileSync(path);
	const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
	return raw.toString('latin1');
}

describe.runIf(browserAvailable())('a hostile lab, built and opened in Chromium', () => {
	let lab: string;
	let build: BuildResult;
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		lab = copyFixtureLab();
		makeLabHostile(lab);
		build = buildSite(lab);
		if (build.status !== 0) throw new Error(build.output);
		server = await serveStatic(build.outDir);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		build?.cleanup();
		if (lab) rmSync(lab, { recursive: true, force: true });
	});

	it('runs no script on any page that holds hostile text', async () => {
		const context = await browser.newContext();
		const dialogs: string[] = [];
		const problems: string[] = [];
		for (const path of PAGES) {
			const page = await context.newPage();
			page.on('dialog', async (dialog) => {
				dialogs.push(`${path}: ${dialog.type()}`);
				await dialog.dismiss();
			});
			const response = await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
			expect(response?.status(), path).toBe(200);
			await page.waitForTimeout(300);
			// Handlers and script URLs that would run on a click or hover, not only on load.
			const active = await page.evaluate(() =>
				[...document.querySelectorAll('main *')].flatMap((element) =>
					[...element.attributes]
						.filter((attribute) => /^on/i.test(attribute.name) || /^(javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, '')))
						.map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}>`),
				),
			);
			problems.push(...active.map((what) => `${path}: ${what}`));
			await page.close();
		}
		await context.close();
		expect(dialogs).toEqual([]);
		expect(problems).toEqual([]);
	}, 120_000);

	it("shows a hostile track label in the search page's facets as text (Pagefind's UI writes facet values as HTML)", async () => {
		const page = await browser.newPage();
		const dialogs: string[] = [];
		page.on('dialog', async (dialog) => {
			dialogs.push(dialog.type());
			await dialog.dismiss();
		});
		await page.goto(`${server.url}/search/?q=negative`);
		const trackValues = page.locator('#lab-search .pagefind-ui__filter-checkbox[name="track"] + label');
		await expect.poll(async () => (await trackValues.allTextContents()).join(' | '), { timeout: 10_000 }).toContain('svg/onload=alert(1)');
		await page.waitForTimeout(300);
		const markup = await page.evaluate(() => [...document.querySelectorAll('#lab-search svg, #lab-search [onload], #lab-search script')].length);
		expect(markup).toBe(0);
		expect(dialogs).toEqual([]);
		await page.close();
	}, 60_000);

	it('shows hostile titles as text and keeps the pages’ tables working', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/negative-results/`);
		expect(await page.locator('main').innerText()).toContain('</script><svg/onload=alert(1)> negative');
		await page.goto(`${server.url}/records/`);
		expect(await page.locator('main').innerText()).toContain('</script><svg/onload=alert(1)>');
		await page.goto(`${server.url}/notes/2026-05-21-hostile-html/`);
		expect(await page.locator('main img[alt="relative image"]').getAttribute('src')).toBe('photos/rig.jpg');
		await page.close();
	}, 60_000);

	it('publishes no part of a planted secret anywhere in dist/', () => {
		const cores = Object.values(PLANTED_SECRETS).map(secretCore);
		const leaks = filesUnder(build.outDir).flatMap((file) => {
			const text = readAny(file);
			return cores.filter((core) => text.includes(core) || text.includes(core.slice(0, 16))).map(() => relative(build.outDir, file));
		});
		expect(leaks).toEqual([]);
		expect(build.output).not.toMatch(new RegExp(cores.map((core) => core.slice(0, 16)).join('|')));
	});
});
