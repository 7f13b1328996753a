/**
 * LocalMaxxing payloads (what the lab submitted) and their responses (what LocalMaxxing stored):
 * the payload's fields are recorded claims, read by the ingest importer (one parser for both);
 * the response gives the run id and, when it says `status: APPROVED`, the status "accepted" on
 * the date it was created. The payload's free-text `notes` are read like a sentence for what only
 * prose states (quality gates, warmth, repeats).
 */
import { fieldEvidence, type Claim, type ReaderResult, type RunObservation } from '../claims';
import { importLocalmaxxingPayload, importLocalmaxxingQueue } from '../../importers/localmaxxing';
import type { RecordDraft } from '../../importers/types';
import { LOCALMAXXING_ID } from '../../schema/record';
import { CLAIM_FIELDS } from '../claims';
import { splitSentences } from './observe';
import { parseLabJson } from '../../text/lab-json';
import { sentenceClaims } from './statements';

export interface LabFile {
	path: string;
	text: string;
}

/** Where each record label of a payload draft was read in the payload. */
const PAYLOAD_PATHS: Record<string, string> = {
	'model.id': 'hfId',
	'model.quantization': 'quantization',
	'hardware.gpu': 'hardware.gpuName',
	'hardware.gpuCount': 'hardware.gpuCount',
	'hardware.vramGbPerGpu': 'hardware.vramGb',
	'hardware.cpu': 'hardware.cpu',
	'hardware.ramGb': 'hardware.ramGb',
	'software.os': 'hardware.os',
	'software.kernel': 'hardware.os',
	'software.engine.name': 'engineName',
	'software.engine.version': 'engineVersion',
	'shape.promptTokens': 'promptTokens',
	'shape.outputTokens': 'outputTokens',
	'shape.contextLength': 'contextLength',
	'shape.batchSize': 'batchSize',
	'shape.concurrency': 'engineFlags.concurrency',
	'metrics.outputTokPerS': 'tokSOut',
	'metrics.totalTokPerS': 'tokSTotal',
	'metrics.prefillTokPerS': 'tokSPrefill',
	'metrics.ttftMs': 'ttftMs',
	'metrics.peakVramGb': 'peakVramGb',
	speculation: 'engineFlags.specDecoding',
};

/** Labels whose value is an object in the record (one claim each, not one per key). */
const WHOLE = new Set(['speculation']);

/** The draft as dotted record paths and values. */
export function flattenDraft(draft: RecordDraft, prefix = ''): Array<[string, unknown]> {
	return Object.entries(draft as Record<string, unknown>).flatMap(([key, value]) => {
		const path = prefix ? `${prefix}.${key}` : key;
		if (value !== null && typeof value === 'object' && !Array.isArray(value) && !WHOLE.has(path)) return flattenDraft(value as RecordDraft, path);
		return [[path, value] as [string, unknown]];
	});
}

/** What prose in a payload's notes adds: only labels no structured field carries. */
const FROM_NOTES = new Set(['quality', 'warmth', CLAIM_FIELDS.repeatCount, 'metrics.repeats']);

function payloadObservation(path: string, draft: RecordDraft, pathPrefix: string, parsed: Record<string, unknown>): RunObservation {
	const claims: Claim[] = [];
	for (const [field, value] of flattenDraft(draft)) {
		const jsonPath = PAYLOAD_PATHS[field];
		if (!jsonPath) continue;
		claims.push({ field, value, basis: 'recorded', evidence: fieldEvidence(path, `${pathPrefix}${jsonPath}`) });
	}
	const flags = parsed.engineFlags as Record<string, unknown> | undefined;
	if (flags && typeof flags.tensorParallel === 'number') {
		claims.push({ field: CLAIM_FIELDS.tensorParallel, value: flags.tensorParallel, basis: 'recorded', evidence: fieldEvidence(path, `${pathPrefix}engineFlags.tensorParallel`) });
	}
	if (typeof parsed.notes === 'string') {
		for (const claim of splitSentences(parsed.notes).flatMap((sentence) => sentenceClaims(path, 0, sentence))) {
			if (!FROM_NOTES.has(claim.field) || claims.some((existing) => existing.field === claim.field)) continue;
			claims.push({ ...claim, evidence: fieldEvidence(path, `${pathPrefix}notes`) });
		}
	}
	const output = draft.metrics?.outputTokPerS;
	return {
		source: path,
		keys: { files: [path], ...(typeof output === 'number' ? { outputTokPerS: output } : {}) },
		claims,
		statuses: [],
	};
}

/** The response's run id and verdict; a failed or id-less response is reported, not guessed. */
function readResponse(response: LabFile, observation: RunObservation, skipped: ReaderResult['skipped']): void {
	let parsed: unknown;
	try {
		parsed = JSON.parse(response.text);
	} catch {
		skipped.push({ path: response.path, reason: 'is not valid JSON' });
		return;
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		skipped.push({ path: response.path, reason: 'is not a response object' });
		return;
	}
	const { id, status, createdAt, http_code: httpCode } = parsed as Record<string, unknown>;
	if (typeof httpCode === 'number' && httpCode >= 400) {
		skipped.push({ path: response.path, reason: `records a failed submission (HTTP ${httpCode})` });
		return;
	}
	if (typeof id !== 'string' || !LOCALMAXXING_ID.test(id)) {
		skipped.push({ path: response.path, reason: 'has no LocalMaxxing id' });
		return;
	}
	observation.keys.localmaxxingId = id;
	observation.keys.files = [...(observation.keys.files ?? []), response.path];
	if (typeof status === 'string' && /^approved$/i.test(status)) {
		const date = typeof createdAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(createdAt) ? createdAt.slice(0, 10) : undefined;
		observation.statuses.push({ status: 'accepted', ...(date ? { date } : {}), basis: 'recorded', evidence: fieldEvidence(response.path, 'status') });
		if (date) observation.date ??= date;
	} else if (typeof status === 'string') {
		skipped.push({ path: response.path, reason: `status ${status} is not a verdict the site reads (APPROVED)` });
	}
}

/** A payload and, when the lab kept it, its response. */
export function readLocalmaxxingPayload(payload: LabFile, response?: LabFile): ReaderResult {
	const result: ReaderResult = { observations: [], skipped: [] };
	const { json: parsed, error } = parseLabJson(payload.text);
	if (error !== undefined) return { observations: [], skipped: [{ path: payload.path, reason: error }] };
	const outcome = importLocalmaxxingPayload(parsed, payload.path);
	if (!outcome.ok) return { observations: [], skipped: outcome.problems.map((problem) => ({ path: problem.file, reason: problem.message })) };
	const observation = payloadObservation(payload.path, outcome.records[0].draft, '', parsed as Record<string, unknown>);
	if (response) readResponse(response, observation, result.skipped);
	result.observations.push(observation);
	return result;
}

/** A queue file: `[{ label, payload }]`, one observation per entry (not submitted: no status). */
export function readLocalmaxxingQueue(queue: LabFile): ReaderResult {
	const { json: parsed, error } = parseLabJson(queue.text);
	if (error !== undefined) return { observations: [], skipped: [{ path: queue.path, reason: error }] };
	const outcome = importLocalmaxxingQueue(parsed, queue.path);
	if (!outcome.ok) return { observations: [], skipped: outcome.problems.map((problem) => ({ path: problem.file, reason: problem.message })) };
	const observations = outcome.records.map((record, index) => {
		const entry = (parsed as Array<{ label?: string; payload: Record<string, unknown> }>)[index];
		const observation = payloadObservation(queue.path, record.draft, `[${index}].payload.`, entry.payload);
		if (entry.label) observation.title = entry.label;
		return observation;
	});
	return { observations, skipped: [] };
}
