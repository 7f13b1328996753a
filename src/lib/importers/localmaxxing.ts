/**
 * LocalMaxxing submissions: a payload (what the lab sent), optionally its response (the server's
 * record, for the id), and queue files (arrays of { label, payload }).
 */
import { z } from 'astro/zod';
import { LOCALMAXXING_ID } from '../schema/record';
import { compact, count, positive, readArtifact } from './artifact-fields';
import type { Companions, DerivedRecord, ImportOutcome, ImportProblem, RecordDraft } from './types';

export const localmaxxingPayloadSchema = z.looseObject({
	hfId: z.string().min(1),
	modelRevision: z.string().optional(),
	hardware: z.looseObject({
		gpuName: z.string().min(1),
		gpuCount: z.number().int().positive(),
		vramGb: positive.optional(),
		cpu: z.string().optional(),
		ramGb: positive.optional(),
		os: z.string().optional(),
	}),
	engineName: z.string().min(1),
	engineVersion: z.string().optional(),
	quantization: z.string().optional(),
	promptTokens: count.optional(),
	outputTokens: count.optional(),
	contextLength: z.number().int().positive().optional(),
	batchSize: z.number().int().positive().optional(),
	tokSOut: positive.optional(),
	tokSTotal: positive.optional(),
	tokSPrefill: positive.nullable().optional(),
	ttftMs: z.number().nonnegative().nullable().optional(),
	peakVramGb: positive.nullable().optional(),
	notes: z.string().optional(),
	engineFlags: z
		.looseObject({
			concurrency: z.number().int().positive().optional(),
			specDecoding: z.boolean().optional(),
			mtpEnabled: z.boolean().optional(),
		})
		.optional(),
});
type Payload = z.output<typeof localmaxxingPayloadSchema>;

/** "Ubuntu 24.04.4 LTS, kernel 6.17.0-23-generic" -> os and kernel. */
function splitOs(os: string | undefined): { os?: string; kernel?: string } {
	if (!os) return {};
	const match = /^(.*?),?\s*kernel\s+(\S+)\s*$/i.exec(os);
	return match ? { os: match[1].trim(), kernel: match[2] } : { os };
}

/** The id LocalMaxxing gave the submission, when the response is a stored record. */
export function responseId(text: string): { id?: string; error?: string } {
	let response: unknown;
	try {
		response = JSON.parse(text);
	} catch {
		return { error: 'is not valid JSON' };
	}
	if (response === null || typeof response !== 'object') return { error: 'is not a response object' };
	const { id, http_code: httpCode, status } = response as Record<string, unknown>;
	if (typeof httpCode === 'number' && httpCode >= 400) return { error: `records a failed submission (HTTP ${httpCode})` };
	if (typeof id === 'string' && LOCALMAXXING_ID.test(id)) return { id };
	return { error: `has no LocalMaxxing id${typeof status === 'string' ? ` (status ${status})` : ''}` };
}

function draftFor(payload: Payload): RecordDraft {
	const flags = payload.engineFlags;
	// Only "off" is certain from the flags; when on, the method must come from the labels.
	const speculationOff = flags?.specDecoding === false && flags?.mtpEnabled !== true;
	return compact({
		model: { id: payload.hfId, quantization: payload.quantization },
		hardware: {
			gpu: payload.hardware.gpuName,
			gpuCount: payload.hardware.gpuCount,
			vramGbPerGpu: payload.hardware.vramGb,
			cpu: payload.hardware.cpu,
			ramGb: payload.hardware.ramGb,
		},
		software: { ...splitOs(payload.hardware.os), engine: { name: payload.engineName, version: payload.engineVersion } },
		shape: {
			promptTokens: payload.promptTokens,
			outputTokens: payload.outputTokens,
			contextLength: payload.contextLength,
			batchSize: payload.batchSize,
			concurrency: payload.engineFlags?.concurrency,
		},
		metrics: {
			outputTokPerS: payload.tokSOut,
			totalTokPerS: payload.tokSTotal,
			prefillTokPerS: payload.tokSPrefill ?? undefined,
			ttftMs: payload.ttftMs ?? undefined,
			peakVramGb: payload.peakVramGb ?? undefined,
		},
		speculation: speculationOff ? { enabled: false } : undefined,
		notes: payload.notes,
	} as RecordDraft);
}

export function importLocalmaxxingPayload(parsed: unknown, path: string, companions: Companions = {}): ImportOutcome {
	const read = readArtifact(localmaxxingPayloadSchema, parsed, path);
	if (!read.ok) return read;
	const draft = draftFor(read.data);
	const response = companions.localmaxxingResponse;
	if (response) {
		const { id } = responseId(response.text);
		if (id) draft.localmaxxingId = id;
	}
	return { ok: true, format: 'localmaxxing-payload', records: [{ key: '', content: parsed, draft }] };
}

const queueSchema = z.array(z.looseObject({ label: z.string().optional(), payload: z.unknown() }));

export function importLocalmaxxingQueue(parsed: unknown, path: string): ImportOutcome {
	const read = readArtifact(queueSchema, parsed, path);
	if (!read.ok) return read;
	if (read.data.length === 0) return { ok: false, problems: [{ file: path, message: `the queue is empty` }] };
	const records: DerivedRecord[] = [];
	const problems: ImportProblem[] = [];
	read.data.forEach((entry, index) => {
		const payload = readArtifact(localmaxxingPayloadSchema, entry.payload, path, `entry ${index + 1}${entry.label ? ` (${entry.label})` : ''}: payload.`);
		if (!payload.ok) problems.push(...payload.problems);
		else records.push({ key: `entry-${index + 1}`, content: entry, draft: draftFor(payload.data) });
	});
	return problems.length ? { ok: false, problems } : { ok: true, format: 'localmaxxing-queue', records };
}
