/** A lane's runs in static pages: ranked runs first, in their order, then those kept apart; every run on one page. */
import { describe, expect, it } from 'vitest';
import { laneRunPages, type LaneEntry } from '../../src/lib/records/lane-view';

const entry = (id: string) => ({ id, record: {} }) as unknown as LaneEntry;
const ids = (entries: LaneEntry[]) => entries.map((e) => e.id);

describe('pages of a lane\'s runs', () => {
	const view = { ranked: ['r1', 'r2', 'r3', 'r4', 'r5'].map(entry), apart: ['a1', 'a2', 'a3'].map(entry) };

	it('fills pages with the ranked runs in rank order, then the runs kept apart', () => {
		const pages = laneRunPages(view, 3);
		expect(pages.map((page) => [ids(page.ranked), ids(page.apart)])).toEqual([
			[['r1', 'r2', 'r3'], []],
			[['r4', 'r5'], ['a1']],
			[[], ['a2', 'a3']],
		]);
		expect(pages.map((page) => page.firstRank)).toEqual([1, 4, 7]);
	});

	it('keeps a lane smaller than a page on one page, and an empty lane on one empty page', () => {
		expect(laneRunPages(view, 12)).toHaveLength(1);
		expect(laneRunPages({ ranked: [], apart: [] }, 12)).toEqual([{ ranked: [], apart: [], firstRank: 1 }]);
	});
});
