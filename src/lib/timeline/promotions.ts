/**
 * The timeline keeps itself current: every run the lab promoted becomes a step, dated by its
 * record, beside the hand-written annotations (data/timeline.json) and the old timeline's rows.
 * A run that already has an annotated step keeps that step (its words say more).
 */
import type { LabRecord } from '../schema/record';
import type { TimelineFile } from '../schema/timeline';

type Step = TimelineFile['steps'][number];

/** Whether the lab promoted this run at some point (it may since be superseded or invalidated). */
export const wasPromoted = (record: LabRecord) =>
	record.status === 'promoted' || (record.statusHistory ?? []).some((entry) => entry.status === 'promoted');

/**
 * The order runs were promoted in: by date, and on one day by output figure, since each promotion
 * beat the one before it (the lab promoted four MiniMax runs on 2026-05-18). The timeline and the
 * current best's predecessor both follow it.
 */
export const byPromotionOrder = (a: { id: string; record: LabRecord }, b: { id: string; record: LabRecord }) =>
	a.record.date.localeCompare(b.record.date) || (a.record.metrics.outputTokPerS ?? 0) - (b.record.metrics.outputTokPerS ?? 0) || a.id.localeCompare(b.id);

/** A step for each promoted run: the change is the run's title, the reason the promotion's words. */
export function promotionSteps(records: ReadonlyArray<{ id: string; record: LabRecord }>): Step[] {
	return records
		.filter(({ record }) => wasPromoted(record))
		.sort(byPromotionOrder)
		.map(({ id, record }) => {
			const promotion = record.statusHistory?.filter((entry) => entry.status === 'promoted')[0];
			const why = promotion?.source.quote ?? (promotion ? `promoted (${promotion.source.file}${promotion.source.jsonPath ? ` ${promotion.source.jsonPath}` : ''})` : 'promoted');
			return { track: record.track, record: id, change: record.title, why, sources: record.sources ?? record.artifacts.map((artifact) => artifact.path) };
		});
}

/**
 * Annotations, old rows and promotion steps as one timeline; tracks from all three, labelled once:
 * as the annotations label them, else as the lab declares them, else as the old timeline did.
 */
export function mergeTimelines(input: {
	annotations?: TimelineFile;
	legacy?: TimelineFile;
	promoted: readonly Step[];
	trackLabel(id: string): string;
	/** The label the lab declares for a track (data/tracks.json), if it declares the track. */
	declaredLabel?(id: string): string | undefined;
}): TimelineFile | undefined {
	const steps: Step[] = [...(input.annotations?.steps ?? []), ...(input.legacy?.steps ?? [])];
	const annotated = new Set(steps.map((step) => step.record).filter(Boolean));
	steps.push(...input.promoted.filter((step) => !annotated.has(step.record)));
	if (!steps.length) return undefined;
	const labels = new Map<string, string>();
	for (const track of input.annotations?.tracks ?? []) if (!labels.has(track.id)) labels.set(track.id, track.label);
	// The old timeline's section headings predate the lab's declared tracks (one heading may cover
	// what are now two tracks): a track the lab declares is named as declared.
	for (const track of input.legacy?.tracks ?? []) if (!labels.has(track.id)) labels.set(track.id, input.declaredLabel?.(track.id) ?? track.label);
	for (const step of steps) if (!labels.has(step.track)) labels.set(step.track, input.trackLabel(step.track));
	return { tracks: [...labels].map(([id, label]) => ({ id, label })), steps };
}
