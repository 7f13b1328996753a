import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { facetTableOfSite } from '../../src/build/search-facet-table';
import { buildFacetTable, countFacets, pageOfFragment, PAGEFIND_SIGNATURE, totalFacets, type IndexedPage } from '../../src/lib/site/facet-table';

const pages: IndexedPage[] = [
	{ id: 'en_a1', filters: { kind: ['Note'], outcome: ['negative'], engine: ['vllm', 'llama.cpp'] } },
	{ id: 'en_b2', filters: { kind: ['Record'], outcome: ['positive'], engine: ['vllm'], cards: ['4 cards'] } },
	{ id: 'en_c3', filters: { kind: ['Note'], outcome: ['negative'], engine: ['vllm', 'llama.cpp'] } },
	{ id: 'en_d4', filters: { kind: ['Data'] } },
];

describe('facet table: counts for the search page without Pagefind counting', () => {
	it('counts each value among the given results, listing every value (zero included)', () => {
		const table = buildFacetTable(pages);
		expect(countFacets(table, ['en_a1', 'en_b2'])).toEqual({
			cards: { '4 cards': 1 },
			engine: { 'llama.cpp': 1, vllm: 2 },
			kind: { Data: 0, Note: 1, Record: 1 },
			outcome: { negative: 1, positive: 1 },
		});
	});

	it('lists facets and values in sorted order, as Pagefind does', () => {
		const table = buildFacetTable(pages);
		const counts = countFacets(table, []);
		expect(Object.keys(counts)).toEqual(['cards', 'engine', 'kind', 'outcome']);
		expect(Object.keys(counts.kind)).toEqual(['Data', 'Note', 'Record']);
	});

	it('totals every page, the counts shown before any query', () => {
		expect(totalFacets(buildFacetTable(pages)).kind).toEqual({ Data: 1, Note: 2, Record: 1 });
	});

	it('stores a combination of values once however many pages share it', () => {
		const table = buildFacetTable(pages);
		expect(table.combinations).toHaveLength(3);
		expect(table.pages.en_a1).toBe(table.pages.en_c3);
	});

	it('ignores a result id the table does not know instead of failing the search', () => {
		expect(countFacets(buildFacetTable(pages), ['en_zz', 'en_d4']).kind).toEqual({ Data: 1, Note: 0, Record: 0 });
	});

	it('reads a page from a decompressed Pagefind fragment, and refuses bytes that are not one', () => {
		const fragment = `${PAGEFIND_SIGNATURE}${JSON.stringify({ url: '/notes/x/', filters: { kind: ['Note'], odd: [3, 'kept'] } })}`;
		expect(pageOfFragment('en_x', fragment)).toEqual({ id: 'en_x', filters: { kind: ['Note'], odd: ['kept'] } });
		expect(pageOfFragment('en_x', '{"filters":{}}')).toBeNull();
		expect(pageOfFragment('en_x', `${PAGEFIND_SIGNATURE}{not json`)).toBeNull();
	});

	it("reads a built site's fragments, and writes no table when one cannot be read (the page then counts with Pagefind)", async () => {
		const site = mkdtempSync(join(tmpdir(), 'b70-facets-'));
		const fragments = join(site, 'pagefind', 'fragment');
		mkdirSync(fragments, { recursive: true });
		for (const page of pages) writeFileSync(join(fragments, `${page.id}.pf_fragment`), gzipSync(`${PAGEFIND_SIGNATURE}${JSON.stringify({ url: `/${page.id}/`, filters: page.filters })}`));
		const read = await facetTableOfSite(site);
		expect('table' in read && totalFacets(read.table).kind).toEqual({ Data: 1, Note: 2, Record: 1 });

		writeFileSync(join(fragments, 'en_bad.pf_fragment'), 'plain text');
		const broken = await facetTableOfSite(site);
		expect('problem' in broken && broken.problem).toMatch(/en_bad\.pf_fragment is not a Pagefind fragment/);
		expect('problem' in (await facetTableOfSite(join(site, 'missing')))).toBe(true);
	});
});
