/**
 * A note that cites a strict record (its file, data/records/<id>.json, or its id) and repeats the
 * record's figure in a table or a sentence is writing up that run, not reporting another one. The
 * readers cannot know that (strict records are not their material), so the run they read from
 * the note would be a second, unlabeled record of the same measurement. Here such a run is set
 * aside, with the reason, for the import report: every file it was read from cites the strict
 * record, and its output figure is the record's as the note prints it.
 */
import type { StrictRecord } from '../records/record-files';
import type { LegacyRecord } from './legacy-records';

/** `stated` is `exact` as printed: the same number at the note's own precision (80.6 for 80.603). */
export function sameAsPrinted(stated: number, exact: number): boolean {
	const decimals = String(stated).split('.')[1]?.length ?? 0;
	return Number(exact.toFixed(decimals)) === stated;
}

const cites = (text: string, strict: StrictRecord) => text.includes(strict.path) || text.includes(strict.id);

export function withoutStrictDuplicates(
	imported: readonly LegacyRecord[],
	strict: readonly StrictRecord[],
	textOf: (path: string) => string | undefined,
): { records: LegacyRecord[]; skipped: Array<{ path: string; reason: string }> } {
	if (!strict.length) return { records: [...imported], skipped: [] };
	const records: LegacyRecord[] = [];
	const skipped: Array<{ path: string; reason: string }> = [];
	for (const run of imported) {
		const sources = run.record.sources ?? [];
		const figure = run.record.metrics?.outputTokPerS;
		const same =
			typeof figure === 'number' && sources.length
				? strict.find((candidate) => {
						const exact = candidate.record.metrics?.outputTokPerS;
						return typeof exact === 'number' && sameAsPrinted(figure, exact) && sources.every((source) => cites(textOf(source) ?? '', candidate));
					})
				: undefined;
		if (!same) records.push(run);
		else skipped.push({ path: sources[0], reason: `the same run as ${same.path}, which it cites, with the same output tok/s (${figure}): shown as that record, not as another` });
	}
	return { records, skipped };
}
