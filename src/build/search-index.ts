/**
 * The site's Pagefind index, built while the pages render rather than after. Starlight's own step
 * (turned off in astro.config.mjs) reads every page back from disk once the build is done and
 * indexes it then, 4-6 s of the real lab's build with Astro's thread idle. Here each rendered page
 * goes to Pagefind's indexing process as soon as Astro has it, so the index grows on the second
 * core while the first renders, and the end of the build only writes the index files. The pages,
 * their URLs and Pagefind's settings are those Starlight's step used.
 */
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { indexedPagePath, searchablePart } from '../lib/site/search-index-pages';
import { writeFacetTable } from './search-facet-table';

type RenderResult = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** Pages handed to Pagefind, in the order they were rendered. */
export class SearchIndexer {
	private index: Promise<pagefind.PagefindIndex> | undefined;
	private readonly added: Array<Promise<pagefind.NewFileResponse>> = [];
	/** Pages seen, marked or not: none means another prerenderer rendered the site. */
	private seen = 0;

	constructor(private readonly base: string) {}

	/** The rendered page, unchanged; an HTML page Starlight marked for search is also indexed. */
	async take(request: Request, route: RouteData, result: RenderResult): Promise<RenderResult> {
		const response = result instanceof Response ? result : result.response;
		if (route.type !== 'page' || response.status !== 200 || !response.body) return result;
		this.seen += 1;
		const url = indexedPagePath(new URL(request.url).pathname, this.base);
		if (url === undefined) return result;
		const body = await response.arrayBuffer();
		// Starlight marks the pages it renders; Pagefind drops the unmarked ones when any page is.
		const content = searchablePart(Buffer.from(body).toString('utf8'));
		if (content !== undefined) this.added.push(this.indexOf().then((index) => index.addHTMLFile({ url, content })));
		const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
		return result instanceof Response ? copy : { ...result, response: copy };
	}

	private indexOf(): Promise<pagefind.PagefindIndex> {
		return (this.index ??= pagefind.createIndex().then(({ errors, index }) => {
			if (!index || errors.length) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
			return index;
		}));
	}

	/**
	 * Writes the index into `<outDir>/pagefind/`; the number of pages in it. If no page came through
	 * this prerenderer (an integration set its own after this one), the built folder is indexed
	 * instead, as Starlight's step did: slower, but the site keeps its search.
	 */
	async write(outDir: string): Promise<number> {
		try {
			const index = await this.indexOf();
			const pages = this.seen === 0 ? await this.addBuiltFolder(index, outDir) : await this.addedPages();
			const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
			if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
			return pages;
		} finally {
			await pagefind.close();
		}
	}

	/** How many pages reached the index as they rendered; any Pagefind refused fails the build. */
	private async addedPages(): Promise<number> {
		const responses = await Promise.all(this.added);
		const errors = responses.flatMap((response) => response.errors);
		if (errors.length) throw new Error(`Pagefind could not index every page: ${errors.join('; ')}`);
		return responses.length;
	}

	private async addBuiltFolder(index: pagefind.PagefindIndex, outDir: string): Promise<number> {
		const read = await index.addDirectory({ path: outDir });
		if (read.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${read.errors.join('; ')}`);
		return read.page_count;
	}
}

/**
 * Two integrations around the others' `astro:build:done` work (the sitemap): `indexPages` feeds
 * Pagefind as pages render and starts writing the index when the build is done; `finish` waits
 * for it, then writes the search page's facet table from it. Pagefind writes in its own process,
 * so what runs between the two costs no time.
 */
export function searchIndex(): { indexPages: AstroIntegration; finish: AstroIntegration } {
	let base = '/';
	let indexer: SearchIndexer | undefined;
	let writing: Promise<void> | undefined;
	const indexPages: AstroIntegration = {
		name: 'b70-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:start': ({ setPrerenderer }) => {
				const pages = (indexer = new SearchIndexer(base));
				setPrerenderer((rendering) => ({
					...rendering,
					name: 'b70-search-index',
					render: async (request, options) => pages.take(request, options.routeData, await rendering.render(request, options)),
				}));
			},
			'astro:build:done': ({ dir, logger }) => {
				if (!indexer) return;
				const start = performance.now();
				writing = indexer.write(fileURLToPath(dir)).then((count) => {
					logger.info(`Search index of ${count} pages written in ${((performance.now() - start) / 1000).toFixed(2)}s.`);
				});
				// Reported by `finish`; a build that never gets there fails on its own error.
				writing.catch(() => undefined);
			},
		},
	};
	const finish: AstroIntegration = {
		name: 'b70-search-facet-table',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				if (!writing) return;
				await writing;
				await writeFacetTable(fileURLToPath(dir), logger);
			},
		},
	};
	return { indexPages, finish };
}
