/**
 * Rows of the old hand-written timeline as imported records and timeline annotations. A row's
 * figure becomes outputTokPerS: the old table wrote a bare "tok/s", and the lab reports these
 * results as output (decode) tok/s; the record says so in its notes. Every other label is
 * "not recorded", so the site computes no gain it cannot justify.
 */
import type { RecordDraft } from '../importers/types';
import type { TimelineFile } from '../schema/timeline';
import { asImportedRecord, type LegacyImport } from './legacy-records';
import type { LegacyTimelineRow } from './legacy-timeline';
import { slugify } from '../text/slug';

export const LEGACY_TIMELINE_FILE = 'optimization-timeline.html';


export function importLegacyTimeline(
	rows: readonly LegacyTimelineRow[],
	path: string,
	sourcePath: (href: string) => string | undefined,
): LegacyImport & { timeline: TimelineFile } {
	const records: LegacyImport['records'] = [];
	const skipped: LegacyImport['skipped'] = [];
	const tracks = new Map<string, string>();
	const steps: TimelineFile['steps'] = [];
	rows.forEach((row, index) => {
		tracks.set(row.track.id, row.track.label);
		const sources = row.sources.map(sourcePath).filter((source): source is string => !!source);
		const base = { track: row.track.id, change: row.change, why: row.why || 'not stated', sources };
		if (row.value === undefined || !row.date) {
			if (row.date) steps.push({ ...base, date: row.date, result: row.result || 'not stated' });
			else skipped.push({ path: `${path} (row ${index + 1})`, reason: 'no date in the row' });
			return;
		}
		const draft: RecordDraft = { metrics: { outputTokPerS: row.value }, ...(row.gpuCount ? { hardware: { gpuCount: row.gpuCount } } : {}) };
		const result = asImportedRecord(draft, {
			id: `imported/timeline-${String(index + 1).padStart(2, '0')}-${slugify(row.change, 48)}`,
			from: path,
			format: 'optimization-timeline-html',
			title: row.change,
			date: row.date,
			track: row.track.id,
			status: /not promoted/i.test(row.track.label) ? 'rejected' : 'historical',
			notes: `From the old hand-written timeline (${row.track.label}): "${row.result}". The table wrote a bare "tok/s"; the lab reports these results as output (decode) tok/s.`,
		});
		if (!result.ok) {
			skipped.push({ path: `${path} (row ${index + 1})`, reason: result.reason });
			return;
		}
		records.push(result.record);
		steps.push({ ...base, record: result.record.id });
	});
	return { records, skipped, timeline: { tracks: [...tracks].map(([id, label]) => ({ id, label })), steps } };
}
