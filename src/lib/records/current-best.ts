/**
 * The current best per track: among promoted records, the one with the highest output tok/s
 * (total when no output figure exists), preferring records whose quality check passed. Only
 * records measuring the same metric are ranked against each other.
 */
import { isRecorded, type LabRecord, type StatusEntry } from '../schema/record';
import { closestEarlierComparable, compare, type Comparison, type Metric } from './comparable';
import { NOT_STANDING } from '../lab/status';
import { byPromotionOrder, wasPromoted } from '../timeline/promotions';

export interface TrackBest<T> {
	track: string;
	best: T;
	/** False when the lab promoted no run of this track: the best is then the highest other run. */
	promoted: boolean;
	/** The other candidates of the track, best first. */
	others: T[];
}

const qualityPassed = (record: LabRecord) => isRecorded(record.quality) && record.quality.passed === true;
const qualityFailed = (record: LabRecord) => isRecorded(record.quality) && record.quality.passed === false;
/** Statuses a run can hold and still be a track's best when nothing was promoted. */
const STANDING = new Set<LabRecord['status']>(['accepted', 'candidate', 'historical']);

/**
 * The current best of each track: among its promoted runs, the one with the highest output tok/s
 * (total where no output figure exists), quality-passed first. A track with no promoted run shows
 * its highest standing run (never a rejected, superseded or invalidated one), marked as such.
 */
export function currentBestByTrack<T extends { record: LabRecord }>(entries: readonly T[]): TrackBest<T>[] {
	const tracks = [...new Set(entries.map((entry) => entry.record.track))].filter((track) => track !== 'unclassified').sort();
	return tracks.flatMap((track) => {
		const inTrack = entries.filter((entry) => entry.record.track === track);
		const promoted = inTrack.filter((entry) => entry.record.status === 'promoted');
		const pool = promoted.length ? promoted : inTrack.filter((entry) => STANDING.has(entry.record.status) && !qualityFailed(entry.record));
		if (!pool.length) return [];
		// Rank on output tok/s if any record of the track has it; else on total tok/s.
		const metric = pool.some((entry) => entry.record.metrics.outputTokPerS !== undefined) ? 'outputTokPerS' : 'totalTokPerS';
		const ranked = [...pool].sort(
			(a, b) =>
				Number(qualityPassed(b.record)) - Number(qualityPassed(a.record)) ||
				(b.record.metrics[metric] ?? -1) - (a.record.metrics[metric] ?? -1) ||
				b.record.date.localeCompare(a.record.date),
		);
		return [{ track, best: ranked[0], promoted: promoted.length > 0, others: ranked.slice(1) }];
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
	const byDate = [...entries].sort(byPromotionOrder);
	return currentBestByTrack(byDate).map((track) => {
		const metric: Metric = track.best.record.metrics.outputTokPerS !== undefined ? 'outputTokPerS' : 'totalTokPerS';
		// The predecessor is the promotion before it (the lab's own chain), else the closest standing run.
		const standing = byDate.filter((entry) => entry === track.best || !NOT_STANDING.has(entry.record.status));
		const promotions = standing.filter((entry) => entry === track.best || wasPromoted(entry.record));
		const predecessor = closestEarlierComparable(track.best, promotions, metric) ?? closestEarlierComparable(track.best, standing, metric);
		return { ...track, metric, predecessor, comparison: predecessor ? compare(track.best.record, predecessor.record, metric) : undefined };
	});
}

/** The promotion that made a record current: its latest "promoted" entry, with where it was said. */
export function latestPromotion(record: LabRecord): StatusEntry | undefined {
	return record.statusHistory?.filter((entry) => entry.status === 'promoted').at(-1);
}

/**
 * When the lab's own summary file (CURRENT.md) still names another run as the current result of
 * the track than the newest promotion does: that run, and the date CURRENT.md said so.
 */
export function summaryLag<T extends { id: string; record: LabRecord }>(
	best: T,
	entries: readonly T[],
	summaryFile = 'CURRENT.md',
): { named: T; date?: string } | undefined {
	const namedBySummary = entries.filter(({ record }) => {
		if (record.track !== best.record.track) return false;
		const fromSummary = (record.statusHistory ?? []).filter((entry) => entry.source.file === summaryFile);
		return fromSummary.at(-1)?.status === 'promoted';
	});
	if (!namedBySummary.length || namedBySummary.some((entry) => entry.id === best.id)) return undefined;
	const named = namedBySummary[0];
	const date = (named.record.statusHistory ?? []).filter((entry) => entry.source.file === summaryFile).at(-1)?.date;
	return { named, date };
}
