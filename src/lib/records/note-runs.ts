/**
 * Which measured runs a note describes: the records that list the note among their sources. A
 * note page leads with its headline run; negative results show the note's number through it.
 */
import { NEGATIVE_STATUSES } from '../lab/status';
import type { LabRecord } from '../schema/record';

type Entry = { id: string; record: LabRecord };

export function runsByNote<T extends Entry>(entries: readonly T[]): Map<string, T[]> {
	const byNote = new Map<string, T[]>();
	for (const entry of entries) {
		for (const source of entry.record.sources ?? []) {
			if (!source.startsWith('notes/')) continue;
			byNote.set(source, [...(byNote.get(source) ?? []), entry]);
		}
	}
	return byNote;
}

/**
 * The run a note is about: the one read from the note itself first, then a negative one (a
 * negative note is about its candidate, not the baseline it cites), then the newest.
 */
export function headlineRun<T extends Entry>(notePath: string, runs: readonly T[] | undefined): T | undefined {
	if (!runs?.length) return undefined;
	const ranked = [...runs].sort(
		(a, b) =>
			Number(b.record.source.from === notePath) - Number(a.record.source.from === notePath) ||
			Number(NEGATIVE_STATUSES.has(b.record.status)) - Number(NEGATIVE_STATUSES.has(a.record.status)) ||
			b.record.date.localeCompare(a.record.date),
	);
	return ranked[0];
}
