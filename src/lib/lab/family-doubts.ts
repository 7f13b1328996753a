/**
 * Doubts about a family of earlier runs that a note names only by a rough figure ("the older ~73
 * tok/s AOT family remains speed-only diagnostic data"): which runs each one reaches.
 */
import type { RunObservation, StatusClaim } from './claims';

/** How a source's track is known: the note's classified track, else the words it gives. */
interface TrackContext {
	noteTrackOf?(path: string): string | undefined;
	trackOf(text: string): string | undefined;
}

/** A doubt about a family of runs named by a rough figure, with the track it speaks of. */
export interface FamilyDoubt {
	track: string;
	range: { low: number; high: number };
	statuses: StatusClaim[];
	date: string;
}

export function familyDoubts(observations: readonly RunObservation[], context: TrackContext): FamilyDoubt[] {
	return observations.flatMap((observation) => {
		const range = observation.keys.outputRange;
		const track = context.noteTrackOf?.(observation.source) ?? (observation.track ? context.trackOf(observation.track) : undefined);
		const date = observation.date ?? observation.statuses[0]?.date;
		return range && track && date ? [{ track, range, statuses: observation.statuses, date }] : [];
	});
}

/**
 * The family doubts that reach a run: same track, dated before the doubt, its output figure in the
 * doubt's range, not promoted. A doubt names earlier runs ("the old ~73 tok/s results"), not the
 * day's own.
 */
export function doubtsOf(track: string, date: string, output: number | undefined, doubts: readonly FamilyDoubt[], promoted: boolean): StatusClaim[] {
	// A rough figure names no run precisely enough to overturn a promotion the lab wrote down.
	if (output === undefined || promoted) return [];
	const reaching = doubts.filter((doubt) => doubt.track === track && date < doubt.date && output >= doubt.range.low && output < doubt.range.high);
	// Later notes repeating the doubt ("the old invalid ~73 tok/s ...") add no step: the first one says it.
	const first = new Map<string, StatusClaim>();
	for (const status of reaching.flatMap((doubt) => doubt.statuses).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) if (!first.has(status.status)) first.set(status.status, status);
	return [...first.values()];
}

