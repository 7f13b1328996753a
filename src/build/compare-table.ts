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


async function load(): Promise<Array<Array<SectionPart<CompareSection, CompareRow>>>> {
	const entries = (await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data }));
	const { groups, incomplete } = groupComparable(entries, COMPARE_METRIC);
	const sections: CompareSection[] = [...groups.map((group) => ({ kind: 'group' as const, group })), { kind: 'incomplete', rows: incomplete }];
	return packSections<CompareSection, CompareRow>(sections, (section) => (section.kind === 'group' ? section.group.entries : section.rows), rowsPerPage(process.env));
}

export function comparePages(): Promise<Array<Array<SectionPart<CompareSection, CompareRow>>>> {
	return import.meta.env.DEV ? load() : labSession.memo('compare-table', () => load());
}
