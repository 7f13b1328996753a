/**
 * The lab data index cut into static pages: data files grouped by kind, then the files that are
 * listed but not rendered (logs, text). The first page is at data/, the rest at data/page/N/.
 */
import { getEntry, type CollectionEntry } from 'astro:content';
import { labCollection } from './lab-collections';
import { DATA_KIND_LABELS, DATA_KINDS } from '../lib/lab/data-files';
import { groupByKey, pageGroups, type Group } from '../lib/notes/index-groups';
import { listItemsPerPage } from '../lib/tables/pages';

export const DATA_INDEX_PATH = 'data/';

type DataFile = CollectionEntry<'labdata'>['data'];
type OtherFile = { path: string; size: number; pairedNote?: string };
export type DataIndexItem = { kind: 'page'; file: DataFile } | { kind: 'other'; file: OtherFile };

export async function dataIndexPages() {
	const files = (await labCollection('labdata')).map((file) => file.data).sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
	const otherFiles = (await getEntry('labreport', 'report'))?.data.otherDataFiles ?? [];
	const groups: Group<DataIndexItem>[] = groupByKey(files, (file) => file.kind, (key) => DATA_KIND_LABELS[key as keyof typeof DATA_KIND_LABELS], DATA_KINDS).map((group) => ({
		...group,
		items: group.items.map((file): DataIndexItem => ({ kind: 'page', file })),
	}));
	if (otherFiles.length) groups.push({ key: 'other-files', label: 'Logs, text and other files', items: otherFiles.map((file): DataIndexItem => ({ kind: 'other', file })) });
	return { total: files.length + otherFiles.length, pages: pageGroups(groups, listItemsPerPage(process.env)) };
}
