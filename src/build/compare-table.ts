/**
 * The compare page's groups of comparable records, packed into static pages (/records/compare/,
 * /records/compare/page/N/), and what the unranked records lack; once per build.
 */
import { getCollection } from 'astro:content';
import type { LabRecord } from '../lib/schema/record';
import type { Metric } from '../lib/records/comparable';
import { groupComparable, missingLabelCounts, type Grouping } from '../lib/records/grouping';
import { packSections, rowsPerPage, type SectionPart } from '../lib/tables/pages';
import { oncePerBuild } from './once-per-build';

type Entry = { id: string; record: LabRecord };
type Group = Grouping<Entry>['groups'][number];
export type CompareRow = Group['entries'][number];

export const COMPARE_METRIC: Metric = 'outputTokPerS';


export interface ComparePages {
	pages: Array<Array<SectionPart<Group, CompareRow>>>;
	/**
	 * Records never ranked because labels are not recorded: how many, and which labels they most
	 * often lack. A thousand rows of "not recorded" compare nothing; the explorer lists each of them
	 * with its "incomplete labels" badge.
	 */
	incomplete: { count: number; missing: Array<[label: string, records: number]> };
}

async function load(): Promise<ComparePages> {
	const entries = (await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data }));
	const { groups, incomplete } = groupComparable(entries, COMPARE_METRIC);
	const pages = packSections<Group, CompareRow>(groups, (group) => group.entries, rowsPerPage(process.env));
	return { pages, incomplete: { count: incomplete.length, missing: missingLabelCounts(incomplete) } };
}

export function comparePages(): Promise<ComparePages> {
	return oncePerBuild('compare-table', load);
}
