/**
 * What the lab added, day by day: notes (title, track, outcome), records with their headline
 * figure and its labels, promotions and negative results. One list feeds the what's-new page, the
 * hub's latest entries and the RSS feeds, so all three say the same thing with the same dates
 * (a note's date is the one its page shows; a record's is its run date).
 */
import { formatFigure, headlineFigure, hardwareLabel, runContextLabel } from '../records/labels';
import type { LabRecord } from '../schema/record';
import type { NoteOutcome } from '../schema/note';
import { sitePages } from '../lab/lab-paths';
import { NEGATIVE_OUTCOMES, NEGATIVE_STATUSES } from '../lab/status';

/** What an entry is news of, in the order a day lists them. */
export const ENTRY_CATEGORIES = ['promotion', 'negative', 'note', 'record'] as const;
export type EntryCategory = (typeof ENTRY_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<EntryCategory, string> = {
	promotion: 'Promoted',
	negative: 'Negative result',
	note: 'Note',
	record: 'Record',
};

export interface WhatsNewNote {
	/** The note's page id (notes/<id>/). */
	id: string;
	title: string;
	date?: string;
	track?: string;
	outcome?: NoteOutcome;
	/** Path in the lab, e.g. notes/2026-05-10-x.md: the entry's lasting identity. */
	sourcePath: string;
}

export interface WhatsNewRecord {
	id: string;
	record: LabRecord;
	/** A strict record's file in the lab (data/records/<id>.json); absent for imported records. */
	file?: string;
}

export interface WhatsNewEntry {
	/** Stable across rebuilds: "lab:<path>" for notes and record files, "localmaxxing:<id>" for runs. */
	key: string;
	category: EntryCategory;
	date: string;
	title: string;
	/** Page path on this site, without the base: notes/x/ or records/x/. */
	path: string;
	track?: string;
	trackLabel: string;
	/** Notes: how the attempt ended; records: their status. */
	outcome?: string;
	/** Records only: the headline throughput with its unit, e.g. "83.17 output tok/s". */
	figure?: string;
	/** Records only: the labels that make the figure comparable (shape, warmth, hardware...). */
	labels?: string;
}

export interface WhatsNewDay {
	date: string;
	entries: WhatsNewEntry[];
	/** This part of the day continues from the previous page. */
	continued?: boolean;
}

export interface WhatsNew {
	/** Newest day first. */
	days: WhatsNewDay[];
	/** Notes without a date: they cannot be placed on a day (listed on the notes index). */
	undatedNotes: number;
}

/**
 * A record's lasting identity: a strict record is its file (data/records/<id>.json); an imported
 * run is its LocalMaxxing id, else the lab file it came from (with its id: one CURRENT.md or JSONL
 * holds several runs).
 */
export function recordKey({ id, record, file }: WhatsNewRecord): string {
	if (file) return `lab:${file}`;
	if (record.localmaxxingId) return `localmaxxing:${record.localmaxxingId}`;
	return `lab:${record.source.from}#${id}`;
}

function noteEntry(note: WhatsNewNote & { date: string }, trackLabel: (id: string | undefined) => string): WhatsNewEntry {
	return {
		key: `lab:${note.sourcePath}`,
		category: note.outcome && NEGATIVE_OUTCOMES.has(note.outcome) ? 'negative' : 'note',
		date: note.date,
		title: note.title,
		path: sitePages.note(note.id),
		track: note.track,
		trackLabel: trackLabel(note.track),
		outcome: note.outcome ?? 'unclassified',
	};
}

function recordEntry(input: WhatsNewRecord, trackLabel: (id: string | undefined) => string): WhatsNewEntry {
	const { id, record } = input;
	return {
		key: recordKey(input),
		category: record.status === 'promoted' ? 'promotion' : NEGATIVE_STATUSES.has(record.status) ? 'negative' : 'record',
		date: record.date,
		title: record.title,
		path: sitePages.record(id),
		track: record.track,
		trackLabel: trackLabel(record.track),
		outcome: record.status,
		figure: formatFigure(headlineFigure(record)),
		labels: `${runContextLabel(record)} · ${hardwareLabel(record)}`,
	};
}

/**
 * Feed readers drop entries whose ids repeat. Two records that claim one LocalMaxxing run (until
 * reconciliation merges them) each keep an id of their own, still stable: the key plus their page.
 */
function distinctKeys(entries: WhatsNewEntry[]): WhatsNewEntry[] {
	const counts = new Map<string, number>();
	for (const entry of entries) counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1);
	return entries.map((entry) => (counts.get(entry.key)! > 1 ? { ...entry, key: `${entry.key}#${entry.path}` } : entry));
}

const categoryRank = (category: EntryCategory) => ENTRY_CATEGORIES.indexOf(category);

/** Every dated note and every record, grouped by day, newest day first. */
export function whatsNew(input: {
	notes: readonly WhatsNewNote[];
	records: readonly WhatsNewRecord[];
	trackLabel: (id: string | undefined) => string;
}): WhatsNew {
	const dated = input.notes.filter((note): note is WhatsNewNote & { date: string } => Boolean(note.date));
	const entries = distinctKeys([...dated.map((note) => noteEntry(note, input.trackLabel)), ...input.records.map((record) => recordEntry(record, input.trackLabel))]);
	const byDate = new Map<string, WhatsNewEntry[]>();
	for (const entry of entries) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
	const days = [...byDate]
		.sort(([a], [b]) => b.localeCompare(a))
		.map(([date, dayEntries]) => ({
			date,
			entries: dayEntries.sort(
				(a, b) => categoryRank(a.category) - categoryRank(b.category) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key),
			),
		}));
	return { days, undatedNotes: input.notes.length - dated.length };
}

/** The entries of the newest days, newest first, at most `limit` of them. */
export function latestEntries(days: readonly WhatsNewDay[], limit: number): WhatsNewEntry[] {
	return days.flatMap((day) => day.entries).slice(0, limit);
}

/**
 * Splits days into pages of at most `maxEntries` entries, newest first. Whole days fill a page while
 * they fit; a day larger than a page is cut, and its later parts say they continue it. A lab that
 * writes 40 notes and imports a hundred runs in one day still gets small pages.
 */
export function pagesOfDays(days: readonly WhatsNewDay[], maxEntries: number): WhatsNewDay[][] {
	const pages: WhatsNewDay[][] = [];
	let current: WhatsNewDay[] = [];
	let size = 0;
	const close = () => {
		if (current.length) pages.push(current);
		current = [];
		size = 0;
	};
	for (const day of days) {
		if (size + day.entries.length > maxEntries) close();
		for (let start = 0; start < day.entries.length || start === 0; start += maxEntries) {
			if (start > 0) close();
			const entries = day.entries.slice(start, start + maxEntries);
			current.push(start > 0 ? { ...day, entries, continued: true } : { ...day, entries });
			size += entries.length;
			if (day.entries.length === 0) break;
		}
	}
	close();
	return pages;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2026-05-18" -> "2026-05-18, Monday": the site's date format, with the weekday in every time zone. */
export function dayLabel(date: string): string {
	return `${date}, ${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

/** One line that says what an entry is, in words: the feed's description and the hub's summary. */
export function entrySummary(entry: WhatsNewEntry): string {
	const what = entry.figure
		? `${CATEGORY_LABELS[entry.category]} (${entry.outcome}): ${entry.figure}, ${entry.labels}`
		: `${CATEGORY_LABELS[entry.category]}, outcome ${entry.outcome}`;
	return `${what}. Track: ${entry.trackLabel}. Date: ${entry.date}.`;
}
