/**
 * Once the Pagefind index is written (src/build/search-index.ts), the search page's facet table
 * goes beside it: `<site>/lab-search/facets.json` (src/lib/site/facet-table.ts says why). The search
 * page loads Pagefind through public/lab-search/pagefind.js, which counts facets with this table.
 */
import type { AstroIntegrationLogger } from 'astro';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Writes the table of the index in `outDir`; without one the search page counts facets with Pagefind, more slowly. */
export async function writeFacetTable(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
	const result = await facetTableOfSite(outDir);
	if ('problem' in result) {
		logger.warn(`search facet table not written: ${result.problem}`);
		return;
	}
	await mkdir(join(outDir, 'lab-search'), { recursive: true });
	await writeFile(join(outDir, FACET_TABLE_PATH), JSON.stringify(result.table));
}
