/**
 * Every record as open data: JSON (records as written, valid against /schema/record.json) and
 * CSV with one column per label, so the numbers never travel without their labels.
 */
import { csvFormat } from 'd3';
import type { LabRecord } from '../schema/record';

export interface OpenRecord {
	id: string;
	/** The record's page on the site. */
	page: string;
	record: LabRecord;
}

export function recordsJson(records: readonly OpenRecord[], schemaUrl: string): string {
	return `${JSON.stringify({ schema: schemaUrl, count: records.length, records }, null, 2)}\n`;
}

/** Flattens nested labels into dotted columns: hardware.interconnect.kind, metrics.outputTokPerS... */
function flatten(value: unknown, prefix: string, into: Record<string, string>): void {
	if (Array.isArray(value)) {
		into[prefix] = value.map((item) => (typeof item === 'object' && item !== null ? ((item as { path?: string }).path ?? JSON.stringify(item)) : String(item))).join('; ');
		return;
	}
	if (value !== null && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
		return;
	}
	into[prefix] = value === undefined || value === null ? '' : String(value);
}

/** The columns every export has, in schema order, so a label left empty is still a column. */
export const CSV_COLUMNS = [
	'id', 'page', 'title', 'date', 'track', 'status', 'model.id', 'model.quantization',
	'hardware.gpu', 'hardware.gpuCount', 'hardware.vramGbPerGpu', 'hardware.cpu', 'hardware.ramGb',
	'hardware.interconnect', 'hardware.interconnect.kind', 'hardware.interconnect.generation', 'hardware.interconnect.lanes',
	'software.os', 'software.kernel', 'software.driver', 'software.engine.name', 'software.engine.version', 'software.recipe', 'software.commit',
	'shape.promptTokens', 'shape.outputTokens', 'shape.contextLength', 'shape.batchSize', 'shape.concurrency',
	'metrics.outputTokPerS', 'metrics.totalTokPerS', 'metrics.prefillTokPerS', 'metrics.acceptedTokPerS.value', 'metrics.acceptedTokPerS.meaning',
	'metrics.ttftMs', 'metrics.tpotMs', 'metrics.itlMs', 'metrics.peakVramGb', 'metrics.watts', 'metrics.tokensPerJoule', 'metrics.repeats',
	'quality', 'quality.method', 'quality.detail', 'quality.passed',
	'speculation', 'speculation.enabled', 'speculation.method', 'speculation.draftModel', 'speculation.acceptancePercent',
	'warmth', 'tuning', 'tuning.changed', 'tuning.detail', 'localmaxxingId', 'source.kind', 'source.from', 'artifacts', 'notes',
];

export function recordsCsv(records: readonly OpenRecord[]): string {
	const rows = records.map(({ id, page, record }) => {
		const row: Record<string, string> = { id, page };
		flatten(record, '', row);
		// A label stored as "not recorded" sits in the column named after the label itself.
		return row;
	});
	const extra = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => !CSV_COLUMNS.includes(column)).sort();
	return `${csvFormat(rows, [...CSV_COLUMNS, ...extra])}\n`;
}
