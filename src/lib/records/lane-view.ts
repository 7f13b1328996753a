/**
 * A lane's page, computed: its records ranked on one metric (only runs of the protocol, so the
 * ranking means something), its current best, and the history of its promotions with the gain
 * of each over the one before.
 */
import { everPromoted, NOT_STANDING } from '../lab/status';
import type { LabRecord } from '../schema/record';
import { compare, type Metric } from './comparable';

export interface LaneEntry {
	id: string;
	record: LabRecord;
}

export interface LaneView<T extends LaneEntry> {
	metric: Metric;
	/** Standing runs, best first. */
	ranked: T[];
	/** Rejected, negative, blocked, suspect, invalidated or withdrawn runs of the lane: listed, never ranked. */
	apart: T[];
	currentBest?: T;
	/** Promotions in date order, each with its gain over the previous promotion. */
	history: Array<{ entry: T; date: string; gainPercent?: number }>;
}


export function laneView<T extends LaneEntry>(laneId: string, entries: readonly T[]): LaneView<T> {
	const inLane = entries.filter((entry) => entry.record.lane === laneId);
	const metric: Metric = inLane.some((entry) => entry.record.metrics.outputTokPerS !== undefined) ? 'outputTokPerS' : 'totalTokPerS';
	const value = (entry: T) => entry.record.metrics[metric] ?? -1;
	const ranked = inLane.filter((entry) => !NOT_STANDING.has(entry.record.status)).sort((a, b) => value(b) - value(a) || a.id.localeCompare(b.id));
	const apart = inLane.filter((entry) => NOT_STANDING.has(entry.record.status)).sort((a, b) => b.record.date.localeCompare(a.record.date));
	// In the order the runs were measured (a statement about a run can be dated by another file).
	const promotedOn = (entry: T) => entry.record.date;
	const promotions = inLane
		.filter((entry) => everPromoted(entry.record))
		.sort((a, b) => promotedOn(a).localeCompare(promotedOn(b)) || value(a) - value(b));
	const history = promotions.map((entry, index) => {
		const previous = promotions[index - 1];
		const comparison = previous ? compare(entry.record, previous.record, metric) : undefined;
		return { entry, date: promotedOn(entry), gainPercent: comparison?.comparable ? comparison.percent : undefined };
	});
	const currentBest = [...promotions].reverse().find((entry) => entry.record.status === 'promoted');
	return { metric, ranked, apart, currentBest, history };
}

/**
 * The lane's runs as one sequence of static pages (the ranked runs, then those kept apart): the
 * lane's page shows the first, and no page carries every run however long the lane's history.
 */
export function laneRunPages<T extends LaneEntry>(view: Pick<LaneView<T>, 'ranked' | 'apart'>, size: number): Array<{ ranked: T[]; apart: T[]; firstRank: number }> {
	const all = [...view.ranked.map((entry) => ({ entry, ranked: true })), ...view.apart.map((entry) => ({ entry, ranked: false }))];
	const pages: Array<{ ranked: T[]; apart: T[]; firstRank: number }> = [];
	for (let start = 0; start < all.length || pages.length === 0; start += size) {
		const slice = all.slice(start, start + size);
		pages.push({ ranked: slice.filter((row) => row.ranked).map((row) => row.entry), apart: slice.filter((row) => !row.ranked).map((row) => row.entry), firstRank: start + 1 });
	}
	return pages;
}
