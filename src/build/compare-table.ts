/**
 * The compare page's groups of comparable records and its unranked incomplete records, packed
 * into static pages (/records/compare/, /records/compare/page/N/) once per build.
 */
import { getCollection } from 'astro:content';
import type { LabRecord } from '../lib/schema/record';
import type { Metric } from '../lib/records/comparable';
import { groupComparable, type Grouping } from '../lib/records/grouping';
import { packSections, rowsPerPage, type SectionPart } from '../lib/tables/pages';
import { labSession } from './lab-session';

type Entry = { id: string; record: LabRecord };
type Group = Grouping<Entry>['groups'][number];
type Incomplete = Grouping<Entry>['incomplete'][number];

/** A group of comparable records, or the list of records with incomplete labels. */
export type CompareSection = { kind: 'group'; group: Group } | { kind: 'incomplete'; rows: Incomplete[] };
export type CompareRow = Group['entries'][number] | Incomplete;

export const COMPARE_METRIC: Metric = 'outputTokPerS';


export interface ComparePages {
	pages: Array<Array<SectionPart<CompareSection, CompareRow>>>;
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
	const sections: CompareSection[] = groups.map((group) => ({ kind: 'group' as const, group }));
	const pages = packSections<CompareSection, CompareRow>(sections, (section) => (section.kind === 'group' ? section.group.entries : section.rows), rowsPerPage(process.env));
	const missing = new Map<string, number>();
	for (const row of incomplete) for (const label of row.missing) missing.set(label, (missing.get(label) ?? 0) + 1);
	return { pages, incomplete: { count: incomplete.length, missing: [...missing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) } };
}

export function comparePages(): Promise<ComparePages> {
	return import.meta.env.DEV ? load() : labSession.memo('compare-table', () => load());
}
