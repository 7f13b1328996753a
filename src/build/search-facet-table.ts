/**
 * After Starlight's Pagefind step (this integration comes after Starlight in astro.config.mjs, and
 * Astro runs `astro:build:done` hooks in order), write the search page's facet table beside the
 * index: `<site>/lab-search/facets.json` (src/lib/site/facet-table.ts says why). The search page
 * loads Pagefind through public/lab-search/pagefind.js, which counts facets with this table.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildFacetTable, pageOfFragment, type IndexedPage } from '../lib/site/facet-table.ts';

export const FACET_TABLE_PATH = 'lab-search/facets.json';

/** The table of a built site's Pagefind index, or a reason it cannot be written. */
export async function facetTableOfSite(outDir: string): Promise<{ table: ReturnType<typeof buildFacetTable> } | { problem: string }> {
	const fragmentDir = join(outDir, 'pagefind', 'fragment');
	let names: string[];
	try {
		names = (await readdir(fragmentDir)).filter((name) => name.endsWith('.pf_fragment'));
	} catch {
		return { problem: `no Pagefind index at ${fragmentDir}` };
	}
	const readPage = async (name: string): Promise<IndexedPage | null> => {
		try {
			return pageOfFragment(name.slice(0, -'.pf_fragment'.length), gunzipSync(await readFile(join(fragmentDir, name))).toString('utf8'));
		} catch {
			return null;
		}
	};
	const pages: IndexedPage[] = [];
	// A batch of reads at a time: thousands of small files, read one by one, would wait on each.
	for (let start = 0; start < names.length; start += 64) {
		const batch = names.slice(start, start + 64);
		const read = await Promise.all(batch.map(readPage));
		const unreadable = read.findIndex((page) => page === null);
		// One unreadable fragment would make every count wrong: no table, and the page counts with Pagefind.
		if (unreadable >= 0) return { problem: `${join(fragmentDir, batch[unreadable])} is not a Pagefind fragment this site can read` };
		pages.push(...(read as IndexedPage[]));
	}
	return { table: buildFacetTable(pages) };
}

export function searchFacetTable(): AstroIntegration {
	return {
		name: 'b70-search-facet-table',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const result = await facetTableOfSite(outDir);
				if ('problem' in result) {
					// The search page still works (Pagefind counts facets itself, more slowly).
					logger.warn(`search facet table not written: ${result.problem}`);
					return;
				}
				await mkdir(join(outDir, 'lab-search'), { recursive: true });
				await writeFile(join(outDir, FACET_TABLE_PATH), JSON.stringify(result.table));
			},
		},
	};
}
