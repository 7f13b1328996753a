/**
 * The optimization timeline, computed: for each annotated step, its record's date and result,
 * and its gain against the closest earlier comparable step (same model, quantization, GPU and
 * card count, engine, shape, batch, concurrency, warmth, speculation and metric). Where there is
 * no comparable earlier step, the step says so instead of showing a percentage.
 */
import { closestEarlierComparable, compare, formatPercent, type Metric } from '../records/comparable';
import { formatRate, runContextLabel } from '../records/labels';
import { isRecorded, type LabRecord } from '../schema/record';
import type { TimelineFile } from '../schema/timeline';

export const NO_COMPARABLE_RUN = 'no comparable earlier run';
export const TIMELINE_METRICS: Metric[] = ['outputTokPerS', 'totalTokPerS'];

export interface StepGain {
	/** "+3.21%" or "no comparable earlier run". */
	text: string;
	percent?: number;
	referenceId?: string;
	referenceTitle?: string;
	/** Why no gain is shown, when there is a reason beyond "first of its kind". */
	reason?: string;
}

export interface TimelineStep {
	index: number;
	track: string;
	trackLabel: string;
	recordId: string;
	title: string;
	date: string;
	status: LabRecord['status'];
	change: string;
	why: string;
	sources: string[];
	/** The run's labels in one line: shape, batch, warmth, speculation, quality. */
	context: string;
	gpuCount: string;
	values: Partial<Record<Metric, number>>;
	gains: Record<Metric, StepGain>;
}

export interface Timeline {
	tracks: Array<{ id: string; label: string }>;
	steps: TimelineStep[];
}

export function computeTimeline(file: TimelineFile, records: ReadonlyMap<string, LabRecord>): Timeline {
	const labels = new Map(file.tracks.map((track) => [track.id, track.label]));
	// Steps in time order; the file's order breaks ties within a day.
	const entries = file.steps
		.map((step, order) => ({ step, order, id: step.record, record: records.get(step.record)! }))
		.filter((entry) => entry.record)
		.sort((a, b) => a.record.date.localeCompare(b.record.date) || a.order - b.order);

	const steps = entries.map((entry, index): TimelineStep => {
		const gains = {} as Record<Metric, StepGain>;
		for (const metric of TIMELINE_METRICS) {
			if (entry.record.metrics[metric] === undefined) {
				gains[metric] = { text: NO_COMPARABLE_RUN, reason: 'not measured in this step' };
				continue;
			}
			const reference = closestEarlierComparable(entry, entries, metric);
			const comparison = reference && compare(entry.record, reference.record, metric);
			gains[metric] =
				reference && comparison?.comparable
					? { text: formatPercent(comparison.percent), percent: comparison.percent, referenceId: reference.id, referenceTitle: reference.record.title }
					: { text: NO_COMPARABLE_RUN };
		}
		return {
			index,
			track: entry.step.track,
			trackLabel: labels.get(entry.step.track) ?? entry.step.track,
			recordId: entry.id,
			title: entry.record.title,
			date: entry.record.date,
			status: entry.record.status,
			change: entry.step.change,
			why: entry.step.why,
			sources: entry.step.sources,
			context: runContextLabel(entry.record),
			gpuCount: isRecorded(entry.record.hardware.gpuCount) ? String(entry.record.hardware.gpuCount) : 'not recorded',
			values: Object.fromEntries(TIMELINE_METRICS.filter((metric) => entry.record.metrics[metric] !== undefined).map((metric) => [metric, entry.record.metrics[metric]])),
			gains,
		};
	});
	return { tracks: file.tracks, steps };
}

/** "44.004 output tok/s" for the metric a step reports first. */
export function stepResult(step: TimelineStep): { metric: Metric; text: string } | undefined {
	const metric = TIMELINE_METRICS.find((candidate) => step.values[candidate] !== undefined);
	return metric ? { metric, text: `${formatRate(step.values[metric]!)} ${metric === 'outputTokPerS' ? 'output' : 'total'} tok/s` } : undefined;
}
