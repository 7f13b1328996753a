/**
 * Like-for-like groups: records ranked only against records with the same comparable key.
 * Records with incomplete labels form their own group and are never ranked.
 */
import type { LabRecord } from '../schema/record';
import { comparableKey, metricValue, missingComparableLabels, type Metric } from './comparable';

export interface RankedEntry<T> {
	entry: T;
	/** 1 for the best in the group; undefined when the record lacks the metric. */
	rank?: number;
}

export interface ComparableGroup<T> {
	key: string;
	/** A readable description of what the group shares. */
	label: string;
	entries: RankedEntry<T>[];
}

export interface Grouping<T> {
	groups: ComparableGroup<T>[];
	/** Records with labels missing: listed, never ranked. */
	incomplete: Array<{ entry: T; missing: string[] }>;
}

function describe(record: LabRecord): string {
	const { model, hardware, software, shape } = record;
	return `${model.id} (${model.quantization}) on ${hardware.gpuCount}x ${hardware.gpu}, ${software.engine.name}, p${shape.promptTokens}/n${shape.outputTokens} ctx ${shape.contextLength}, batch ${shape.batchSize}, concurrency ${shape.concurrency}, ${record.warmth}, speculation ${typeof record.speculation === 'object' && record.speculation.enabled ? 'on' : 'off'}`;
}

export function groupComparable<T extends { record: LabRecord }>(entries: readonly T[], metric: Metric): Grouping<T> {
	const groups = new Map<string, T[]>();
	const incomplete: Grouping<T>['incomplete'] = [];
	for (const entry of entries) {
		const key = comparableKey(entry.record);
		if (key === undefined) incomplete.push({ entry, missing: missingComparableLabels(entry.record) });
		else groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	return {
		groups: [...groups.entries()]
			.map(([key, members]) => {
				const ranked = [...members].sort((a, b) => (metricValue(b.record, metric) ?? -Infinity) - (metricValue(a.record, metric) ?? -Infinity));
				return {
					key,
					label: describe(members[0].record),
					entries: ranked.map((entry, index) => ({ entry, rank: metricValue(entry.record, metric) === undefined ? undefined : index + 1 })),
				};
			})
			.sort((a, b) => b.entries.length - a.entries.length || a.label.localeCompare(b.label)),
		incomplete,
	};
}

/**
 * Which labels the unranked records lack, most often first, with how many lack each: what the
 * compare page says of them instead of listing a thousand rows of "not recorded".
 */
export function missingLabelCounts(incomplete: ReadonlyArray<{ missing: readonly string[] }>): Array<[label: string, records: number]> {
	const counts = new Map<string, number>();
	for (const row of incomplete) for (const label of row.missing) counts.set(label, (counts.get(label) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
