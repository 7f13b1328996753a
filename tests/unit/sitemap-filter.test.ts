/** The sitemap's filter: every built page, except the pages that only redirect. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapPageFilter } from '../../src/build/sitemap-filter';

describe('the sitemap filter', () => {
	const outDir = mkdtempSync(join(tmpdir(), 'sitemap-filter-'));
	const page = (path: string, html: string) => {
		mkdirSync(join(outDir, path), { recursive: true });
		writeFileSync(join(outDir, path, 'index.html'), html);
	};
	page('records/imported/run-a', '<!doctype html><title>Redirecting to: /notes/a/#run-a</title><meta http-equiv="refresh" content="0;url=/notes/a/#run-a">');
	page('records/imported/run-b', '<!doctype html><html><head><title>Run B</title></head><body><main>Provenance</main></body></html>');
	page('', '<!doctype html><html><head><title>Home</title></head></html>');

	it('leaves out redirect pages and keeps the others, under a base path too', () => {
		for (const [site, base] of [['https://lab.example', '/'], ['https://owner.github.io', '/b70-optimization-lab/']] as const) {
			const keep = sitemapPageFilter({ outDir, base });
			const at = (path: string) => `${site}${base}${path}`;
			expect(keep(at('records/imported/run-a/'))).toBe(false);
			expect(keep(at('records/imported/run-b/'))).toBe(true);
			expect(keep(at(''))).toBe(true);
			expect(keep(at('feed.xml'))).toBe(true);
		}
	});
});
