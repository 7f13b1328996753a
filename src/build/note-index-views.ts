/**
 * The three note indexes (by date, by track, by outcome), each cut into static pages: the first at
 * the index's own address, the rest at `<index>/page/N/`.
 */
import { noteIndexItems } from './note-index';
import { labPageContext } from './page-context';
import { groupByKey, groupByMonth, pageGroups, type PagedGroup } from '../lib/notes/index-groups';
import { NOTE_OUTCOMES } from '../lib/schema/note';
import { listItemsPerPage } from '../lib/tables/pages';

export type NoteIndexView = 'date' | 'track' | 'outcome';
type NoteItem = Awaited<ReturnType<typeof noteIndexItems>>[number];

const OUTCOME_LABELS: Record<string, string> = { positive: 'Positive (wins, promotions)', negative: 'Negative results', blocker: 'Blockers', diagnostic: 'Diagnostics and probes', neutral: 'Neutral' };

/** Where each view lives, relative to the base. */
export const NOTE_INDEX_PATHS: Record<NoteIndexView, string> = { date: 'notes/', track: 'notes/by-track/', outcome: 'notes/by-outcome/' };

export interface NoteIndexPages {
	total: number;
	pages: PagedGroup<NoteItem>[][];
}

/** The pages of one view; each index page asks again (a few hundred items sort in a millisecond). */
export async function noteIndexPages(base: string, view: NoteIndexView): Promise<NoteIndexPages> {
	const notes = await noteIndexItems(base);
	return { total: notes.length, pages: pageGroups(await groupsOf(base, view, notes), listItemsPerPage(process.env)) };
}

async function groupsOf(base: string, view: NoteIndexView, notes: NoteItem[]) {
	if (view === 'date') return groupByMonth(notes);
	if (view === 'outcome') return groupByKey(notes, (note) => note.outcome, (key) => OUTCOME_LABELS[key] ?? key, NOTE_OUTCOMES);
	// Tracks are the lab's own, in the order it declares them.
	const { trackLabel, tracks } = await labPageContext(base);
	return groupByKey(notes, (note) => note.track, trackLabel, tracks.map((track) => track.id));
}
