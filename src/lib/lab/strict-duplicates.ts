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
	return Number(exact.toFixed(decimalsOf(stated))) === stated;
}

const decimalsOf = (stated: number) => String(stated).split('.')[1]?.length ?? 0;

const cites = (text: string, strict: StrictRecord) => text.includes(strict.path) || text.includes(strict.id);

export function withoutStrictDuplicates(
	imported: readonly LegacyRecord[],
	strict: readonly StrictRecord[],
	textOf: (path: string) => string | undefined,
): { records: LegacyRecord[]; skipped: Array<{ path: string; reason: string }> } {
	if (!strict.length) return { records: [...imported], skipped: [] };
	// Strict records by their figure as printed at each precision a note uses: a year of imported
	// runs against every strict record, pair by pair, was most of a 3,000-note scan's last second.
	const byPrinted = new Map<number, Map<number, StrictRecord[]>>();
	const printedAt = (decimals: number) => {
		let index = byPrinted.get(decimals);
		if (!index) {
			index = new Map();
			for (const candidate of strict) {
				const exact = candidate.record.metrics?.outputTokPerS;
				if (typeof exact !== 'number') continue;
				const printed = Number(exact.toFixed(decimals));
				index.set(printed, [...(index.get(printed) ?? []), candidate]);
			}
			byPrinted.set(decimals, index);
		}
		return index;
	};
	const records: LegacyRecord[] = [];
	const skipped: Array<{ path: string; reason: string }> = [];
	for (const run of imported) {
		const sources = run.record.sources ?? [];
		const figure = run.record.metrics?.outputTokPerS;
		const same =
			typeof figure === 'number' && sources.length
				? printedAt(decimalsOf(figure))
						.get(figure)
						?.find((candidate) => sources.every((source) => cites(textOf(source) ?? '', candidate)))
				: undefined;
		if (!same) records.push(run);
		else skipped.push({ path: sources[0], reason: `the same run as ${same.path}, which it cites, with the same output tok/s (${figure}): shown as that record, not as another` });
	}
	return { records, skipped };
}
