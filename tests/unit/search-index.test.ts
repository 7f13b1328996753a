/**
 * The search index is fed as pages render: every page Starlight marked for search reaches Pagefind
 * under the address Pagefind would give its file, and the page Astro writes is the page rendered.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { SearchIndexer } from '../../src/build/search-index';
import { indexedPagePath, searchablePart } from '../../src/lib/site/search-index-pages';

const page = { type: 'page' } as RouteData;
const endpoint = { type: 'endpoint' } as RouteData;
const html = (body: string, marked = true) => `<!doctype html><html lang="en"><head><title>t</title></head><body><main${marked ? ' data-pagefind-body' : ''}><h1>${body}</h1><p>${body} allreduce</p></main></body></html>`;

describe('the address a page is indexed under', () => {
	it('is its path in the site, without the base path', () => {
		expect(indexedPagePath('/notes/2026-05-10-allreduce/', '/')).toBe('/notes/2026-05-10-allreduce/');
		expect(indexedPagePath('/lab/notes/2026-05-10-allreduce/', '/lab/')).toBe('/notes/2026-05-10-allreduce/');
		expect(indexedPagePath('/lab/notes/x/', '/lab')).toBe('/notes/x/');
		expect(indexedPagePath('/lab/', '/lab/')).toBe('/');
		expect(indexedPagePath('/lab', '/lab/')).toBe('/');
		expect(indexedPagePath('/elsewhere/x/', '/lab/')).toBeUndefined();
	});
});

describe('what of a page Pagefind is sent', () => {
	const page = (main: string) =>
		`<!doctype html><html lang="en" dir="ltr"><head><title>Fusion</title><meta name="x" content="y"></head><body class="b"><header>Sidebar and search</header>${main}<footer>Edit this page</footer></body></html>`;

	it('is the head and the marked element, without the frame around it', () => {
		const main = '<main data-pagefind-body lang="en"><h1>Fusion</h1><span data-pagefind-filter="kind">Note</span><p>allreduce</p></main>';
		expect(searchablePart(page(main))).toBe(`<!doctype html><html lang="en" dir="ltr"><head><title>Fusion</title><meta name="x" content="y"></head><body class="b">${main}</body></html>`);
	});

	it('is nothing for an unmarked page, and the whole page when the mark is not where it is expected', () => {
		expect(searchablePart(page('<main><h1>Tracks</h1></main>'))).toBeUndefined();
		const odd = '<!doctype html><html><head><meta data-pagefind-body></head><body><p>x</p></body></html>';
		expect(searchablePart(odd)).toBe(odd);
		// A filter outside the marked element: Pagefind may read it there, so nothing is left out.
		const filtered = page('<main data-pagefind-body><h1>Fusion</h1></main>').replace('<footer>', '<footer data-pagefind-filter="kind:Note">');
		expect(searchablePart(filtered)).toBe(filtered);
	});
});

describe('pages handed to Pagefind as they render', () => {
	it('passes every response on unchanged and indexes only the marked pages', async () => {
		const indexer = new SearchIndexer('/lab/');
		const request = (path: string) => new Request(`http://localhost${path}`);
		const marked = await indexer.take(request('/lab/notes/a/'), page, new Response(html('Fusion'), { status: 200, headers: { 'content-type': 'text/html', 'x-lab': '1' } }));
		const unmarked = await indexer.take(request('/lab/notes/by-track/'), page, new Response(html('Tracks', false), { status: 200 }));
		const redirect = Response.redirect('http://localhost/lab/notes/a/', 301);
		const json = new Response('{"records":[]}', { status: 200 });
		expect(await indexer.take(request('/lab/records/x/'), page, redirect)).toBe(redirect);
		expect(await indexer.take(request('/lab/records.json'), endpoint, json)).toBe(json);
		const response = marked instanceof Response ? marked : marked.response;
		expect(response.status).toBe(200);
		expect(response.headers.get('x-lab')).toBe('1');
		expect(await response.text()).toBe(html('Fusion'));
		expect(await (unmarked as Response).text()).toBe(html('Tracks', false));

		const site = mkdtempSync(join(tmpdir(), 'lab-search-index-'));
		expect(await indexer.write(site)).toBe(1);
		expect(existsSync(join(site, 'pagefind', 'pagefind-entry.json'))).toBe(true);
		expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(1);
	});

	it('indexes the built folder when no page came through it (another prerenderer rendered the site)', async () => {
		const site = mkdtempSync(join(tmpdir(), 'lab-search-index-'));
		mkdirSync(join(site, 'notes', 'a'), { recursive: true });
		writeFileSync(join(site, 'notes', 'a', 'index.html'), html('Fusion'));
		expect(await new SearchIndexer('/').write(site)).toBe(1);
		expect(readdirSync(join(site, 'pagefind', 'fragment'))).toHaveLength(1);
	});
});
