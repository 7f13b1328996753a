/** The lab's what's-new list from the content collections, for the page, the hub and the feeds. */
import { getCollection } from 'astro:content';
import { trackLabel } from '../lib/lab/classify';
import { whatsNew, type WhatsNew } from '../lib/feed/whats-new';

export async function labWhatsNew(): Promise<WhatsNew> {
	const notes = (await getCollection('notes')).map((note) => ({ id: note.id, ...note.data }));
	const records = (await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data }));
	return whatsNew({ notes, records, trackLabel });
}
