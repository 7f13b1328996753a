/**
 * The current best per track: among promoted records, the one with the highest output tok/s
 * (total when no output figure exists), preferring records whose quality check passed. Only
 * records measuring the same metric are ranked against each other.
 */
import { isRecorded, type LabRecord } from '../schema/record';
import { closestEarlierComparable, compare, type Comparison, type Metric } from './comparable';

export interface TrackBest<T> {
	track: string;
	best: T;
	/** The other promoted records of the track, best first. */
	others: T[];
}

const qualityPassed = (record: LabRecord) => isRecorded(record.quality) && record.quality.method !== 'not-checked' && record.quality.passed === true;

export function currentBestByTrack<T extends { record: LabRecord }>(entries: readonly T[]): TrackBest<T>[] {
	const promoted = entries.filter((entry) => entry.record.status === 'promoted');
	const tracks = [...new Set(promoted.map((entry) => entry.record.track))].sort();
	return tracks.map((track) => {
		const inTrack = promoted.filter((entry) => entry.record.track === track);
		// Rank on output tok/s if any record of the track has it; else on total tok/s.
		const metric = inTrack.some((entry) => entry.record.metrics.outputTokPerS !== undefined) ? 'outputTokPerS' : 'totalTokPerS';
		const ranked = [...inTrack].sort(
			(a, b) =>
				Number(qualityPassed(b.record)) - Number(qualityPassed(a.record)) ||
				(b.record.metrics[metric] ?? -1) - (a.record.metrics[metric] ?? -1) ||
				b.record.date.localeCompare(a.record.date),
		);
		return { track, best: ranked[0], others: ranked.slice(1) };
	});
}

export interface TrackBestWithPredecessor<T> extends TrackBest<T> {
	/** The metric the best record is ranked and compared on. */
	metric: Metric;
	/** The closest earlier comparable record, and the gain over it (comparable only). */
	predecessor?: T;
	comparison?: Comparison;
}

/** The current best of each track, with its closest earlier comparable record and the gain. */
export function currentBestWithPredecessors<T extends { id: string; record: LabRecord }>(entries: readonly T[]): TrackBestWithPredecessor<T>[] {
	const byDate = [...entries].sort((a, b) => a.record.date.localeCompare(b.record.date) || a.id.localeCompare(b.id));
	return currentBestByTrack(byDate).map((track) => {
		const metric: Metric = track.best.record.metrics.outputTokPerS !== undefined ? 'outputTokPerS' : 'totalTokPerS';
		const predecessor = closestEarlierComparable(track.best, byDate, metric);
		return { ...track, metric, predecessor, comparison: predecessor ? compare(track.best.record, predecessor.record, metric) : undefined };
	});
}
