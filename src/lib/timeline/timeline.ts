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
import { NOT_STANDING } from '../lab/status';

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
	/** Undefined for a legacy step whose result was never a measured figure. */
	recordId?: string;
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
	/** The result as written, for a step without a record. */
	resultText?: string;
	/** Gains the lab states for this run, each checked against the figures it names. */
	stated: StatedGainCheck[];
}

export interface StatedGainCheck {
	/** "+1.53% over 87.279129 (stated in CURRENT.md:12); from the figures: +1.68%" */
	text: string;
	percent: number;
	/** The gain recomputed from this run's figure and the reference figure the source names. */
	computed?: number;
	/** Within 0.05 percentage points of the recomputed gain (undefined when the source names no figure). */
	agrees?: boolean;
}

/** Checks each gain a record's sources state against the figures: the lab's words and ours side by side. */
export function checkStatedGains(record: LabRecord): StatedGainCheck[] {
	return (record.statedGains ?? []).map((gain) => {
		const where = gain.source.line ? `${gain.source.file}:${gain.source.line}` : gain.source.file;
		const metric = gain.metric === 'total' ? 'totalTokPerS' : 'outputTokPerS';
		const value = record.metrics[metric];
		const stated = `${formatPercent(gain.percent)} over ${typeof gain.against === 'number' ? formatRate(gain.against) : gain.against} (stated in ${where})`;
		if (typeof gain.against !== 'number' || value === undefined) return { text: stated, percent: gain.percent };
		const computed = (value / gain.against - 1) * 100;
		const agrees = Math.abs(computed - gain.percent) <= 0.05;
		return { text: agrees ? stated : `${stated}; from the figures: ${formatPercent(computed)}`, percent: gain.percent, computed, agrees };
	});
}

export interface Timeline {
	tracks: Array<{ id: string; label: string }>;
	steps: TimelineStep[];
}

interface Entry {
	step: TimelineFile['steps'][number];
	order: number;
	id: string;
	record: LabRecord;
}

export function computeTimeline(file: TimelineFile, records: ReadonlyMap<string, LabRecord>): Timeline {
	const labels = new Map(file.tracks.map((track) => [track.id, track.label]));
	const trackLabel = (id: string) => labels.get(id) ?? id;
	// Steps with a record, in time order; the file's order breaks ties within a day.
	const entries: Entry[] = file.steps
		.flatMap((step, order) => {
			const record = step.record ? records.get(step.record) : undefined;
			return record ? [{ step, order, id: step.record!, record }] : [];
		})
		.sort((a, b) => a.record.date.localeCompare(b.record.date) || a.order - b.order);

	const measured = entries.map((entry): TimelineStep & { order: number } => {
		const gains = {} as Record<Metric, StepGain>;
		for (const metric of TIMELINE_METRICS) {
			if (entry.record.metrics[metric] === undefined) {
				gains[metric] = { text: NO_COMPARABLE_RUN, reason: 'not measured in this step' };
				continue;
			}
			// A gain is against a run that stands: never against a rejected or invalidated one.
			const reference = closestEarlierComparable(entry, entries.filter((other) => other === entry || !NOT_STANDING.has(other.record.status)), metric);
			const comparison = reference && compare(entry.record, reference.record, metric);
			gains[metric] =
				reference && comparison?.comparable
					? { text: formatPercent(comparison.percent), percent: comparison.percent, referenceId: reference.id, referenceTitle: reference.record.title }
					: { text: NO_COMPARABLE_RUN };
		}
		return {
			order: entry.order,
			index: 0,
			track: entry.step.track,
			trackLabel: trackLabel(entry.step.track),
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
			stated: checkStatedGains(entry.record),
		};
	});
	// Legacy steps whose result was never a figure keep their place, with no gain.
	const noGain = (): Record<Metric, StepGain> => Object.fromEntries(TIMELINE_METRICS.map((metric) => [metric, { text: NO_COMPARABLE_RUN, reason: 'no measured figure' }])) as Record<Metric, StepGain>;
	const unmeasured = file.steps.flatMap((step, order): Array<TimelineStep & { order: number }> =>
		step.record === undefined
			? [{ order, index: 0, track: step.track, trackLabel: trackLabel(step.track), title: step.change, date: step.date ?? '', status: 'historical', change: step.change, why: step.why, sources: step.sources, context: 'no measured figure', gpuCount: 'not recorded', values: {}, gains: noGain(), resultText: step.result, stated: [] }]
			: [],
	);
	const steps = [...measured, ...unmeasured]
		.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)
		.map(({ order: _order, ...step }, index) => ({ ...step, index }));
	return { tracks: file.tracks, steps };
}

/** "44.004 output tok/s" for the metric a step reports first. */
export function stepResult(step: TimelineStep): { metric: Metric; text: string } | undefined {
	const metric = TIMELINE_METRICS.find((candidate) => step.values[candidate] !== undefined);
	return metric ? { metric, text: `${formatRate(step.values[metric]!)} ${metric === 'outputTokPerS' ? 'output' : 'total'} tok/s` } : undefined;
}

/** What the browser chart needs of each step; `href` turns a record id into its page URL. */
export function timelineChartData(timeline: Timeline, href: (recordId: string) => string) {
	return {
		tracks: timeline.tracks,
		steps: timeline.steps.map((step) => ({
			id: step.recordId ?? `step-${step.index}`,
			track: step.track,
			date: step.date,
			status: step.status,
			standing: !NOT_STANDING.has(step.status),
			title: step.title,
			change: step.change,
			context: step.context,
			href: step.recordId ? href(step.recordId) : '',
			values: step.values,
			gains: { outputTokPerS: step.gains.outputTokPerS.text, totalTokPerS: step.gains.totalTokPerS.text },
			// The step each gain is against: the chart joins a step only to that one, never across runs that do not compare.
			against: { outputTokPerS: step.gains.outputTokPerS.referenceId, totalTokPerS: step.gains.totalTokPerS.referenceId },
		})),
	};
}

/** The timeline as open data (/timeline.json): figures with their unit, gains with the run they are against. */
export function timelineExport(timeline: Timeline) {
	return {
		tracks: timeline.tracks,
		steps: timeline.steps.map((step) => ({
			date: step.date,
			track: step.track,
			record: step.recordId ?? null,
			change: step.change,
			status: step.status,
			outputTokPerS: step.values.outputTokPerS ?? null,
			totalTokPerS: step.values.totalTokPerS ?? null,
			context: step.context,
			gain: Object.fromEntries(
				TIMELINE_METRICS.map((metric) => [metric, { percent: step.gains[metric].percent ?? null, against: step.gains[metric].referenceId ?? null, text: step.gains[metric].text }]),
			),
			statedGains: step.stated.map((check) => ({ percent: check.percent, recomputed: check.computed ?? null, agrees: check.agrees ?? null, text: check.text })),
			sources: step.sources,
		})),
	};
}
