/** Notes as index items, newest first, for the index pages. */
import { getCollection } from 'astro:content';
import { byNewest } from '../lib/records/rows';
import { withBase } from '../lib/site/paths';
import { sitePages } from '../lib/lab/lab-paths';

export async function noteIndexItems(base: string) {
	return byNewest((await getCollection('notes')).map((note) => ({ id: note.id, ...note.data }))).map((note) => ({
		...note,
		href: withBase(base, sitePages.note(note.id)),
	}));
}
