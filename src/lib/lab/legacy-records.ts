/**
 * Records from the lab's legacy material: LocalMaxxing payloads (joined with their response),
 * llama-bench JSONL runs and the promoted results in CURRENT.md. Each becomes a record in the
 * one schema with `source.kind: imported`: every label the file states is mapped, every label it
 * does not state is "not recorded". Nothing is guessed from prose.
 */
import { importLlamaBenchJsonl } from '../importers/llama-bench';
import { importLocalmaxxingPayload, importLocalmaxxingQueue, responseId } from '../importers/localmaxxing';
import type { RecordDraft } from '../importers/types';
import { getPath, mergeLabels, setPath } from '../importers/label-values';
import { slugify } from '../text/slug';
import { NOT_RECORDED, recordSchema, requiredLabelPaths, type LabRecord, type LabRecordInput } from '../schema/record';
import { dateInName, normalizeDate } from './data-files';
import { parseLabJson } from '../text/lab-json';

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

export function importPayload(
	path: string,
	text: string,
	response: { path: string; text: string } | undefined,
	context: LegacyContext,
): LegacyImport {
	const read = parseLabJson(text);
	if (read.error) return { records: [], skipped: [{ path, reason: read.error.replace(/\.$/, '') }] };
	const parsed: unknown = read.json;
	const outcome = importLocalmaxxingPayload(parsed, path, response ? { localmaxxingResponse: response } : {});
	if (!outcome.ok) return { records: [], skipped: [{ path, reason: outcome.errors[0].slice(path.length + 2) }] };
	const answer = response ? responseId(response.text) : undefined;
	let responseDate: string | undefined;
	const answerJson = response ? (parseLabJson(response.text).json as { createdAt?: unknown } | null | undefined) : undefined;
	responseDate = response ? normalizeDate(String(answerJson?.createdAt ?? '')) : undefined;
	const result = asImportedRecord(outcome.records[0].draft, {
		id: `imported/localmaxxing-${slugify(stem(path).replace(/^localmaxxing-/, ''))}`,
		from: path,
		format: 'localmaxxing-payload',
		title: `${humanize(stem(path))} (LocalMaxxing submission)`,
		date: responseDate ?? dateInName(path),
		...context.classify(path),
		notes: answer?.error && response ? `LocalMaxxing response ${response.path} ${answer.error}.` : undefined,
	});
	return result.ok ? { records: [result.record], skipped: [] } : { records: [], skipped: [{ path, reason: result.reason }] };
}

export function importQueue(path: string, text: string, context: LegacyContext): LegacyImport {
	const read = parseLabJson(text);
	if (read.error) return { records: [], skipped: [{ path, reason: read.error.replace(/\.$/, '') }] };
	const parsed: unknown = read.json;
	const outcome = importLocalmaxxingQueue(parsed, path);
	if (!outcome.ok) return { records: [], skipped: [{ path, reason: outcome.errors[0].slice(path.length + 2) }] };
	const records: LegacyRecord[] = [];
	const skipped: LegacyImport['skipped'] = [];
	for (const derived of outcome.records) {
		const label = (derived.content as { label?: string }).label;
		const result = asImportedRecord(derived.draft, {
			id: `imported/localmaxxing-${slugify(stem(path).replace(/^localmaxxing-/, ''))}-${derived.key}`,
			from: path,
			format: 'localmaxxing-queue',
			title: `${label ?? humanize(stem(path))} (queued LocalMaxxing submission, ${derived.key.replace('-', ' ')})`,
			date: dateInName(path),
			...context.classify(path),
		});
		if (result.ok) records.push(result.record);
		else skipped.push({ path: `${path} (${derived.key})`, reason: result.reason });
	}
	return { records, skipped };
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
	if (!outcome.ok) return { records: [], skipped: [{ path, reason: outcome.errors[0].slice(path.length + 2) }] };
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

/**
 * CURRENT.md: one section per track, each a list of `- Key: value` bullets. Only labeled
 * figures are taken ("Output tok/s: 88.93", or a value that says "88.93 output tok/s").
 */
export function importCurrent(path: string, markdown: string, context: LegacyContext): LegacyImport {
	const records: LegacyRecord[] = [];
	const skipped: LegacyImport['skipped'] = [];
	const sections = markdown.split(/^##\s+/m).slice(1);
	for (const section of sections) {
		const heading = section.split('\n')[0].trim();
		const fields = new Map<string, string>();
		for (const match of section.matchAll(/^\s*[-*]\s+\**([^:*\n]+?)\**\s*:\s*(.+)$/gm)) {
			fields.set(match[1].trim().toLowerCase(), match[2].trim().replace(/`/g, ''));
		}
		const field = (...names: string[]) => names.map((name) => fields.get(name)).find((value) => value !== undefined);
		const figure = (unit: 'output' | 'total' | 'prefill') => {
			const direct = field(`${unit} tok/s`, `${unit} tokens/s`);
			const number = direct ? Number.parseFloat(direct) : undefined;
			if (number !== undefined && Number.isFinite(number)) return number;
			for (const value of fields.values()) {
				const labeled = new RegExp(`([\\d.]+)\\s*${unit}\\s*tok/s`, 'i').exec(value);
				if (labeled) return Number.parseFloat(labeled[1]);
			}
			return undefined;
		};
		const draft: Record<string, unknown> = {};
		const model = field('model');
		if (model) setPath(draft, 'model.id', model);
		const quantization = field('quantization', 'quant');
		if (quantization) setPath(draft, 'model.quantization', quantization);
		const hardware = field('hardware', 'gpus', 'gpu');
		const cards = hardware && /^(\d+)\s*x\s*(.+)$/i.exec(hardware);
		if (cards) {
			setPath(draft, 'hardware.gpuCount', Number(cards[1]));
			setPath(draft, 'hardware.gpu', cards[2].trim());
		}
		const engine = field('engine', 'engine/backend');
		if (engine) setPath(draft, 'software.engine.name', engine.split(/\s+/)[0]);
		const shape = field('shape', 'prompt/output', 'prompt/output/context');
		const lengths = shape && /p(\d+)\s*\/\s*n(\d+)/i.exec(shape);
		if (lengths) {
			setPath(draft, 'shape.promptTokens', Number(lengths[1]));
			setPath(draft, 'shape.outputTokens', Number(lengths[2]));
		}
		const context_ = shape && /ctx\s*(\d+)/i.exec(shape);
		if (context_) setPath(draft, 'shape.contextLength', Number(context_[1]));
		const metrics: Record<string, number> = {};
		for (const [unit, key] of [['output', 'outputTokPerS'], ['total', 'totalTokPerS'], ['prefill', 'prefillTokPerS']] as const) {
			const value = figure(unit);
			if (value !== undefined && value > 0) metrics[key] = value;
		}
		if (!Object.keys(metrics).length) {
			skipped.push({ path: `${path} (${heading})`, reason: 'no labeled throughput (output, total or prefill tok/s)' });
			continue;
		}
		draft.metrics = metrics;
		const id = field('localmaxxing', 'localmaxxing id', 'localmaxxing_id');
		const localmaxxingId = id?.match(/cm[a-z0-9]{23}/)?.[0];
		if (localmaxxingId) draft.localmaxxingId = localmaxxingId;
		const result = asImportedRecord(draft as RecordDraft, {
			id: `imported/current-${slugify(heading)}`,
			from: path,
			format: 'current-md',
			title: `${heading} (current promoted result)`,
			date: normalizeDate(field('date', 'updated')) ?? undefined,
			track: context.classify(`${heading}.md`).track,
			status: 'promoted',
		});
		if (result.ok) records.push(result.record);
		else skipped.push({ path: `${path} (${heading})`, reason: result.reason });
	}
	return { records, skipped };
}
