/**
 * The records explorer: one row per record with every label, filters for each label, sorting by
 * any column, a text filter, and a view that lives in the URL (shareable links). Pure: the page
 * renders the rows at build time (a plain table without JavaScript) and the browser script uses
 * the same functions to filter and sort.
 */
import { missingLabels, type LabRecord } from '../schema/record';
import { batchLabel, cardsLabel, engineLabel, formatRate, labelText, qualityVerdict, shapeLengths, speculationLabel, speculationVerdict } from './labels';
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

const figure = (value: number | undefined) => (value === undefined ? '' : formatRate(value));

export function explorerRow(id: string, record: LabRecord): ExplorerRow {
	const { model, hardware, software, metrics } = record;
	const quality = qualityVerdict(record);
	const cells: Record<ColumnKey, string> = {
		date: record.date,
		title: record.title,
		model: labelText(model.id),
		quantization: labelText(model.quantization),
		gpu: cardsLabel(record),
		engine: engineLabel(record),
		shape: shapeLengths(record),
		batch: batchLabel(record),
		warmth: labelText(record.warmth),
		speculation: speculationLabel(record),
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
			gpu: labelText(hardware.gpu),
			gpuCount: labelText(hardware.gpuCount),
			engine: labelText(software.engine.name),
			shape: cells.shape,
			batch: cells.batch,
			warmth: cells.warmth,
			speculation: speculationVerdict(record),
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

