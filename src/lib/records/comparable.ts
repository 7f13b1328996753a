/**
 * When two records may be compared. Comparable means the same model and quantization, GPU and
 * card count, engine, prompt/output/context lengths, batch and concurrency, warmth, speculation
 * on/off, and the same metric. Card count is a variable: a 3-card and a 4-card run are not
 * compared as if equal. A record missing any of these labels is comparable with nothing.
 */
import { isRecorded, type LabRecord } from '../schema/record';
import { THROUGHPUT_LABELS } from './labels';
import { normalizeQuantization } from './quantization';

export const COMPARABLE_LABELS = [
	'model.id',
	'model.quantization',
	'hardware.gpu',
	'hardware.gpuCount',
	'software.engine.name',
	'shape.promptTokens',
	'shape.outputTokens',
	'shape.contextLength',
	'shape.batchSize',
	'shape.concurrency',
	'warmth',
	'speculation',
] as const;

export type Metric = 'outputTokPerS' | 'totalTokPerS' | 'prefillTokPerS';

function labelValue(record: LabRecord, label: (typeof COMPARABLE_LABELS)[number]): unknown {
	if (label === 'speculation') return isRecorded(record.speculation) ? record.speculation.enabled : record.speculation;
	// "GGUF Q4_0" and "Q4_0" name one quantization.
	if (label === 'model.quantization' && isRecorded(record.model.quantization)) return normalizeQuantization(record.model.quantization);
	return label.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], record);
}

/** The labels that keep a record out of comparisons (not recorded). A lane's records lack none. */
export function missingComparableLabels(record: LabRecord): string[] {
	if (record.lane) return [];
	return COMPARABLE_LABELS.filter((label) => !isRecorded(labelValue(record, label)));
}

/**
 * The comparable key: equal keys mean comparable runs (for a given metric). Undefined when a
 * label is not recorded. Model ids and GPU names compare case-insensitively.
 */
export function comparableKey(record: LabRecord): string | undefined {
	// Every record page compares its record with all others: a key is worked out once per record.
	const known = keys.get(record);
	if (known !== undefined) return known ?? undefined;
	const key = keyOf(record);
	keys.set(record, key ?? null);
	return key;
}

// Records are not changed once read; a changed record is a new object with a key of its own.
const keys = new WeakMap<LabRecord, string | null>();

function keyOf(record: LabRecord): string | undefined {
	// Runs of one lane follow one protocol: they are comparable with each other and nothing else.
	return record.lane
		? `lane:${record.lane}`
		: missingComparableLabels(record).length
		? undefined
		: COMPARABLE_LABELS.map((label) => {
				const value = labelValue(record, label);
				return typeof value === 'string' ? value.trim().toLowerCase() : String(value);
			}).join(' | ');
}

/** Like comparableKey but without the card count: runs that differ only in how many cards. */
export function scalingKey(record: LabRecord): string | undefined {
	const key = comparableKey(record);
	if (key === undefined) return undefined;
	const parts = key.split(' | ');
	parts.splice(COMPARABLE_LABELS.indexOf('hardware.gpuCount'), 1);
	return parts.join(' | ');
}

export function metricValue(record: LabRecord, metric: Metric): number | undefined {
	return record.metrics[metric];
}

export type Comparison =
	| { comparable: true; reference: string; change: number; percent: number }
	| { comparable: false; reason: string };

/** Gain of `current` over `reference` in percent, or why the two cannot be compared. */
export function compare(current: LabRecord, reference: LabRecord, metric: Metric, referenceId = 'reference'): Comparison {
	const currentKey = comparableKey(current);
	const referenceKey = comparableKey(reference);
	if (currentKey === undefined) return { comparable: false, reason: `incomplete labels: ${missingComparableLabels(current).join(', ')}` };
	if (referenceKey === undefined) return { comparable: false, reason: `the reference has incomplete labels: ${missingComparableLabels(reference).join(', ')}` };
	if (currentKey !== referenceKey) {
		const differing = COMPARABLE_LABELS.filter((label) => String(labelValue(current, label)).toLowerCase() !== String(labelValue(reference, label)).toLowerCase());
		return { comparable: false, reason: `different ${differing.join(', ')}` };
	}
	const now = metricValue(current, metric);
	const before = metricValue(reference, metric);
	if (now === undefined || before === undefined) return { comparable: false, reason: `${THROUGHPUT_LABELS[metric]} not measured in both` };
	return { comparable: true, reference: referenceId, change: now - before, percent: ((now - before) / before) * 100 };
}

export interface Dated {
	id: string;
	record: LabRecord;
}

/**
 * The closest earlier comparable record that measured the metric: the reference a step's gain
 * is computed against. Earlier means an earlier date, or the same date and listed before.
 */
export function closestEarlierComparable<T extends Dated>(target: T, candidates: readonly T[], metric: Metric): T | undefined {
	const key = comparableKey(target.record);
	if (key === undefined) return undefined;
	const position = candidates.indexOf(target);
	return candidates
		.filter((candidate, index) => {
			if (candidate === target || comparableKey(candidate.record) !== key || metricValue(candidate.record, metric) === undefined) return false;
			const dateOrder = candidate.record.date.localeCompare(target.record.date);
			return dateOrder < 0 || (dateOrder === 0 && position >= 0 && index < position);
		})
		.sort((a, b) => b.record.date.localeCompare(a.record.date) || candidates.indexOf(b) - candidates.indexOf(a))[0];
}

/** "+15.14%", "-3.2%" */
export const formatPercent = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(2)}%`;

export interface ComparableRun {
	id: string;
	title: string;
	date: string;
	/** The first metric both runs measured, and the comparison on it. */
	metric?: Metric;
	comparison?: Comparison;
}

/** The runs comparable with `target`, most recent first, at most `limit` of them, and how many there are. */
const newestFirst = (a: Dated, b: Dated) => b.record.date.localeCompare(a.record.date) || a.id.localeCompare(b.id);

/** Records grouped by comparable key, newest first: one pass, for a build that asks on every record page. */
export function comparableGroups(all: readonly Dated[]): Map<string, Dated[]> {
	const groups = new Map<string, Dated[]>();
	for (const entry of all) {
		const key = comparableKey(entry.record);
		if (key === undefined) continue;
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	for (const group of groups.values()) group.sort(newestFirst);
	return groups;
}

/**
 * The runs comparable with `target`, newest first, each compared on the first metric both state.
 * `candidates` may be every record or, from comparableGroups, only those of the target's key.
 */
export function comparableRuns(target: Dated, candidates: readonly Dated[], limit: number): { total: number; shown: ComparableRun[] } {
	const key = comparableKey(target.record);
	if (key === undefined) return { total: 0, shown: [] };
	const metrics: Metric[] = ['outputTokPerS', 'totalTokPerS', 'prefillTokPerS'];
	const matches = candidates.filter((other) => other.id !== target.id && comparableKey(other.record) === key).sort(newestFirst);
	return {
		total: matches.length,
		shown: matches.slice(0, limit).map((other) => {
			const metric = metrics.find((candidate) => target.record.metrics[candidate] !== undefined && other.record.metrics[candidate] !== undefined);
			return { id: other.id, title: other.record.title, date: other.record.date, metric, comparison: metric ? compare(target.record, other.record, metric) : undefined };
		}),
	};
}
