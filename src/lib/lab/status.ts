/**
 * Notes have outcomes (what became of an attempt: positive, negative, blocker...); records have
 * statuses (promoted, rejected, negative, blocked...). The two vocabularies meet here, once.
 */
import type { NoteOutcome } from '../schema/note';
import type { LabRecord } from '../schema/record';

type RecordStatus = LabRecord['status'];

/** Statuses that mean the attempt did not work out (listed on /negative-results/). */
export const NEGATIVE_STATUSES: ReadonlySet<RecordStatus> = new Set<RecordStatus>(['rejected', 'negative', 'blocked']);
/** Outcomes of notes that belong on /negative-results/. */
export const NEGATIVE_OUTCOMES: ReadonlySet<NoteOutcome> = new Set<NoteOutcome>(['negative', 'blocker']);

/** The status an imported record takes from its file's outcome. */
export function recordStatusOfOutcome(outcome: NoteOutcome | undefined): RecordStatus {
	if (outcome === 'negative') return 'negative';
	if (outcome === 'blocker') return 'blocked';
	return 'historical';
}

/** The outcome word a record's status speaks (so a search for "negative" finds both). */
export function outcomeOfRecordStatus(status: RecordStatus): NoteOutcome | undefined {
	if (status === 'rejected' || status === 'negative') return 'negative';
	if (status === 'blocked') return 'blocker';
	if (status === 'promoted') return 'positive';
	return undefined;
}

/**
 * Statuses of runs that do not stand: rejected, negative or blocked, or doubted since (suspect,
 * invalidated, withdrawn). They are never a reference for a gain, never ranked, never a best.
 */
export const NOT_STANDING: ReadonlySet<RecordStatus> = new Set<RecordStatus>([...NEGATIVE_STATUSES, 'suspect', 'invalidated', 'withdrawn']);

/** A run the lab promoted at some point: promoted now, or promoted in its dated history. */
export const everPromoted = (record: LabRecord): boolean => record.status === 'promoted' || (record.statusHistory ?? []).some((entry) => entry.status === 'promoted');
