/**
 * The records explorer: one row per record with every label, filters for each label, sorting by
 * any column, a text filter, and a view that lives in the URL (shareable links). Pure: the page
 * renders the rows at build time (a plain table without JavaScript) and the browser script uses
 * the same functions to filter and sort.
 */
import { isRecorded, missingLabels, NOT_RECORDED, type LabRecord } from '../schema/record';
import { formatRate } from './labels';
import { EXPLORER_FILTERS, type ColumnKey, type FilterKey } from './explorer-columns';
import type { FilterableRow } from './explorer-state';
import { tableFilterOptions } from '../tables/table-state';

export { EXPLORER_COLUMNS, EXPLORER_FILTERS, type ColumnKey, type FilterKey } from './explorer-columns';
export { parseState, stateToSearch, visibleRows, type ExplorerState } from './explorer-state';

export interface ExplorerRow extends FilterableRow {
	/** What each cell shows. */
	cells: Record<ColumnKey, string>;
	incomplete: boolean;
}

const show = (value: unknown) => (isRecorded(value) ? String(value) : NOT_RECORDED);
const figure = (value: number | undefined) => (value === undefined ? '' : formatRate(value));

export function explorerRow(id: string, record: LabRecord): ExplorerRow {
	const { model, hardware, software, shape, metrics } = record;
	const quality = isRecorded(record.quality) ? (record.quality.method === 'not-checked' ? 'not checked' : record.quality.passed ? 'passed' : 'failed') : NOT_RECORDED;
	const speculation = isRecorded(record.speculation) ? (record.speculation.enabled ? `on (${record.speculation.method})` : 'off') : NOT_RECORDED;
	const cells: Record<ColumnKey, string> = {
		date: record.date,
		title: record.title,
		model: show(model.id),
		quantization: show(model.quantization),
		gpu: `${show(hardware.gpuCount)}x ${show(hardware.gpu)}`,
		engine: `${show(software.engine.name)} ${show(software.engine.version)}`,
		shape: `${show(shape.promptTokens)} / ${show(shape.outputTokens)} / ${show(shape.contextLength)}`,
		batch: `${show(shape.batchSize)} / ${show(shape.concurrency)}`,
		warmth: show(record.warmth),
		speculation,
		quality,
		status: record.status,
		output: figure(metrics.outputTokPerS),
		total: figure(metrics.totalTokPerS),
		accepted: figure(metrics.acceptedTokPerS?.value),
		ttft: figure(metrics.ttftMs),
	};
	const numeric = (value: number | undefined) => value ?? null;
	return {
		id,
		cells,
		sort: {
			...cells,
			output: numeric(metrics.outputTokPerS),
			total: numeric(metrics.totalTokPerS),
			accepted: numeric(metrics.acceptedTokPerS?.value),
			ttft: numeric(metrics.ttftMs),
		},
		filters: {
			model: cells.model,
			quantization: cells.quantization,
			gpu: show(hardware.gpu),
			gpuCount: show(hardware.gpuCount),
			engine: show(software.engine.name),
			shape: cells.shape,
			batch: cells.batch,
			warmth: cells.warmth,
			speculation: isRecorded(record.speculation) ? (record.speculation.enabled ? 'on' : 'off') : NOT_RECORDED,
			quality,
			status: record.status,
		},
		search: [id, ...Object.values(cells), record.notes ?? '', record.localmaxxingId ?? ''].join(' ').toLowerCase(),
		incomplete: missingLabels(record).length > 0,
	};
}

/** The distinct values of each filter, sorted, for the filter menus. */
export function filterOptions(rows: readonly ExplorerRow[]): Record<FilterKey, string[]> {
	return tableFilterOptions(rows, EXPLORER_FILTERS.map((filter) => filter.key)) as Record<FilterKey, string[]>;
}

