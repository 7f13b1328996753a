/** The lab's what's-new list from the content collections, for the page, the hub and the feeds. */
import { getCollection } from 'astro:content';
import { recordFileOf } from '../lib/lab/lab-paths';
import { whatsNew, type WhatsNew } from '../lib/feed/whats-new';
import { labPageContext } from './page-context';

export async function labWhatsNew(): Promise<WhatsNew> {
	const { trackLabel } = await labPageContext(import.meta.env.BASE_URL);
	const notes = (await getCollection('notes')).map((note) => ({ id: note.id, ...note.data }));
	// Imported records have ids under imported/ (src/lib/lab/legacy-records.ts); the others are files.
	const records = (await getCollection('records')).map((entry) => ({
		id: entry.id,
		record: entry.data,
		file: entry.id.startsWith('imported/') ? undefined : recordFileOf(entry.id),
	}));
	return whatsNew({ notes, records, trackLabel });
}
