/**
 * Runs that belong to one file. A sweep table in a note, or a `runs` array in a data file, holds
 * dozens of measured runs that no other file mentions: no LocalMaxxing id, no verdict of their own.
 * Each is still a record with its labels and their evidence, but it is shown where the lab wrote
 * it, in its file's "Runs in this file" section; its record address leads there. Runs that several
 * files report, that were submitted or that the lab decided about keep a page of their own.
 */
import type { LabRecord } from '../schema/record';
import { placeInFile } from './labels';

type Entry = { id: string; record: LabRecord };

const HOME_FILE = /^(?:notes\/.+\.md|data\/.+\.json)$/i;

/** The one note or data file a run belongs to, when it has no reason for a page of its own. */
export function fileRunHome(record: LabRecord): string | undefined {
	if (record.source.kind !== 'imported') return undefined;
	const sources = record.sources ?? [];
	if (sources.length !== 1 || !HOME_FILE.test(sources[0])) return undefined;
	if (record.localmaxxingId || record.status !== 'candidate' || record.statusHistory?.length || record.conflicts?.length) return undefined;
	return sources[0];
}

/**
 * The files that report a run besides its source and its artifacts (its note, data JSON, payload,
 * CURRENT.md...): the record page links each, so a reader can go back to what the lab wrote.
 */
export function otherReportingFiles(record: LabRecord): string[] {
	return (record.sources ?? []).filter((path) => path !== record.source.from && !record.artifacts.some((artifact) => artifact.path === path));
}

/** The anchor of a run in its file's runs section: `run-` and the record id's own part. */
export const runAnchor = (id: string) => `run-${id.replace(/^imported\//, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

const byDateThenId = (a: Entry, b: Entry) => a.record.date.localeCompare(b.record.date) || a.id.localeCompare(b.id);

/**
 * The runs each file reports (the records listing it among their sources), in date then id order,
 * worked out in one pass over the records: a build asks it for every note and data page.
 */
export function runsByFile<T extends Entry>(entries: readonly T[]): Map<string, T[]> {
	const byFile = new Map<string, T[]>();
	for (const entry of entries) {
		for (const path of new Set(entry.record.sources ?? [])) {
			const runs = byFile.get(path);
			if (runs) runs.push(entry);
			else byFile.set(path, [entry]);
		}
	}
	for (const runs of byFile.values()) runs.sort(byDateThenId);
	return byFile;
}

/**
 * Where in `file` a run's headline figure was read ("results[2].tok_s_out", "line 46"): runs of one
 * file often share its title, and this tells them apart. Undefined when the figure came from elsewhere.
 */
export function figurePlace(record: LabRecord, file: string): string | undefined {
	const figure = record.labelSources?.['metrics.outputTokPerS'] ?? record.labelSources?.['metrics.totalTokPerS'];
	return figure && figure.file === file ? placeInFile(figure) : undefined;
}
