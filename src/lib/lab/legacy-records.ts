/**
 * Records from legacy material imported one row at a time (llama-bench JSONL runs, the old
 * timeline's rows), outside reconciliation. Each becomes a record in the one schema with
 * `source.kind: imported`: every label the file states is mapped, every label it does not state is
 * "not recorded". Nothing is guessed from prose.
 */
import { importLlamaBenchJsonl } from '../importers/llama-bench';
import type { RecordDraft } from '../importers/types';
import { getPath, mergeLabels, setPath } from '../importers/label-values';
import { slugify } from '../text/slug';
import { NOT_RECORDED, recordSchema, requiredLabelPaths, type LabRecord, type LabRecordInput } from '../schema/record';
import { dateInName, normalizeDate } from './data-files';

export interface LegacyRecord {
	/** Record id, under imported/ so it never collides with a file in data/records/. */
	id: string;
	record: LabRecord;
}

export interface LegacyImport {
	records: LegacyRecord[];
	/** Files or parts of files that could not become records, with the reason (for the report). */
	skipped: Array<{ path: string; reason: string }>;
}

interface Provenance {
	id: string;
	from: string;
	format: string;
	title: string;
	date?: string;
	track?: string;
	status: LabRecord['status'];
	notes?: string;
}


/** Fills every label the draft does not state with "not recorded" and validates the result. */
export function asImportedRecord(draft: RecordDraft, provenance: Provenance): { ok: true; record: LegacyRecord } | { ok: false; reason: string } {
	if (!provenance.date) return { ok: false, reason: 'no date in the file or its name' };
	const filled = mergeLabels(draft as Record<string, unknown>, {
		title: provenance.title,
		date: provenance.date,
		track: provenance.track ?? 'unclassified',
		status: provenance.status,
		source: { kind: 'imported', from: provenance.from },
		artifacts: [{ path: provenance.from, format: provenance.format }],
	});
	if (provenance.notes) filled.notes = [provenance.notes, filled.notes].filter(Boolean).join(' ');
	for (const path of requiredLabelPaths()) if (getPath(filled, path) === undefined) setPath(filled, path, NOT_RECORDED);
	const software = filled.software as Record<string, unknown>;
	if (software.recipe === undefined && software.commit === undefined) software.commit = NOT_RECORDED;
	const parsed = recordSchema.safeParse(filled as LabRecordInput);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, reason: `${issue.path.join('.') || 'record'}: ${issue.message}` };
	}
	return { ok: true, record: { id: provenance.id, record: parsed.data } };
}

const stem = (path: string) =>
	(path.split('/').at(-1) ?? path).replace(/\.(payload\.json|queue\.json|jsonl|json|md)$/, '');
const humanize = (text: string) => text.replace(/^localmaxxing-/, '').replace(/[-_]+/g, ' ');

export interface LegacyContext {
	/** Track and status the classification rules give a file. */
	classify(path: string): { track?: string; status: LabRecord['status'] };
}

/** `key=value` lines at the top of a llama-bench .meta.txt, before the free text. */
export function parseMeta(text: string): Map<string, string> {
	const meta = new Map<string, string>();
	for (const line of text.split('\n')) {
		const match = /^([A-Za-z_][\w.]*)=(.*)$/.exec(line.trim());
		if (!match) break;
		if (!meta.has(match[1])) meta.set(match[1], match[2]);
	}
	return meta;
}

export function importLlamaBenchRun(path: string, text: string, metaText: string | undefined, context: LegacyContext): LegacyImport {
	const outcome = importLlamaBenchJsonl(text, path);
	if (!outcome.ok) return { records: [], skipped: outcome.problems.map((problem) => ({ path: problem.file, reason: problem.message })) };
	const meta = metaText ? parseMeta(metaText) : new Map<string, string>();
	const records: LegacyRecord[] = [];
	const skipped: LegacyImport['skipped'] = [];
	for (const derived of outcome.records) {
		const result = asImportedRecord(derived.draft, {
			id: `imported/llama-bench-${slugify(stem(path))}-${derived.key}`,
			from: path,
			format: 'llama-bench-jsonl',
			title: `${humanize(stem(path))} (llama-bench ${derived.key.replace('-', ' ')})`,
			date: (derived.draft.date as string | undefined) ?? normalizeDate(meta.get('date_utc')) ?? dateInName(path),
			...context.classify(path),
		});
		if (result.ok) records.push(result.record);
		else skipped.push({ path: `${path} (${derived.key})`, reason: result.reason });
	}
	return { records, skipped };
}
