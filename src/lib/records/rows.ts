/** Records as rows of a list: every number comes with its label and run context. */
import { missingLabels, type LabRecord } from '../schema/record';
import { engineLabel, formatFigure, hardwareLabel, runContextLabel, throughputs } from './labels';

export interface RecordRow {
	id: string;
	title: string;
	date: string;
	status: LabRecord['status'];
	track: string;
	/** Every throughput with its label, e.g. ["83.17 output tok/s", "110.9 total tok/s"]. */
	figures: string[];
	context: string;
	hardware: string;
	engine: string;
	missingLabels: string[];
}

export function recordRow(id: string, record: LabRecord): RecordRow {
	return {
		id,
		title: record.title,
		date: record.date,
		status: record.status,
		track: record.track,
		figures: throughputs(record).map(formatFigure),
		context: runContextLabel(record),
		hardware: hardwareLabel(record),
		engine: engineLabel(record),
		missingLabels: missingLabels(record),
	};
}

/** Newest first; ties keep a stable order by id. */
export function byNewest<T extends { id: string; date?: string }>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}
