/**
 * Shared setup for browser tests: build the fixture lab once per file, serve it (optionally
 * under a base path), launch Chromium once, and give each test a fresh context and page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './browser';
import { buildSite, FIXTURE_LAB, type BuildResult } from './build-site';
import { serveStatic, type StaticServer } from './serve';

export interface SiteInBrowser {
	build: BuildResult;
	server: StaticServer;
	browser: Browser;
	context: BrowserContext;
	page: Page;
}

export function useSiteInBrowser(options: { basePath?: string; env?: Record<string, string> } = {}): SiteInBrowser {
	const site = {} as SiteInBrowser;
	beforeAll(async () => {
		site.build = buildSite(FIXTURE_LAB, { ...(options.basePath ? { BASE_PATH: options.basePath } : {}), ...options.env });
		if (site.build.status !== 0) throw new Error(site.build.output);
		site.server = await serveStatic(site.build.outDir, options.basePath);
		site.browser = await launchBrowser();
	});
	afterAll(async () => {
		await site.browser?.close();
		await site.server?.stop();
		site.build?.cleanup();
	});
	// A fresh context per test: no cache, storage or page state leaks from one test to the next.
	beforeEach(async () => {
		site.context = await site.browser.newContext({ viewport: { width: 1280, height: 1000 } });
		site.page = await site.context.newPage();
	});
	afterEach(async () => site.context?.close());
	return site;
}
