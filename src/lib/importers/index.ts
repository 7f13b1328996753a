/**
 * Reads one benchmark artifact: detects its format (or takes the one forced with --format) and
 * hands it to the importer for that format. Never throws on bad input: every problem comes back
 * as a one-line error that starts with the artifact's path.
 */
import { importLlamaBenchJson, importLlamaBenchJsonl } from './llama-bench';
import { importLocalmaxxingPayload, importLocalmaxxingQueue } from './localmaxxing';
import { ARTIFACT_FORMATS, type ArtifactFormat, type Companions, type ImportOutcome } from './types';
import { importVllmLatency, importVllmServe, importVllmThroughput } from './vllm';

export * from './types';

export interface ArtifactInput {
	/** The path people know the file by, e.g. repro/x/results/serve.json (shown in messages). */
	path: string;
	/** The lab path the record names as its artifact, when it differs (an outside file's copy under data/artifacts/). */
	recordedPath?: string;
	text: string;
	format?: ArtifactFormat;
	companions?: Companions;
	/** Labels already given (defaults, --labels, --set): latency runs need their batch and lengths. */
	shape?: { batchSize?: unknown; promptTokens?: unknown; outputTokens?: unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const hasAll = (value: Record<string, unknown>, keys: string[]) => keys.every((key) => key in value);

/** The format a parsed artifact looks like, by the keys each tool writes. */
export function detectFormat(parsed: unknown): ArtifactFormat | undefined {
	if (Array.isArray(parsed)) {
		const first = parsed[0];
		if (isObject(first) && 'payload' in first && ('label' in first || 'hfId' in (isObject(first.payload) ? first.payload : {}))) return 'localmaxxing-queue';
		if (isObject(first) && hasAll(first, ['avg_ts', 'n_prompt', 'n_gen'])) return 'llama-bench-json';
		return undefined;
	}
	if (!isObject(parsed)) return undefined;
	if (hasAll(parsed, ['avg_ts', 'n_prompt', 'n_gen'])) return 'llama-bench-jsonl';
	if (hasAll(parsed, ['elapsed_time', 'num_requests', 'tokens_per_second'])) return 'vllm-bench-throughput';
	if (hasAll(parsed, ['avg_latency', 'latencies'])) return 'vllm-bench-latency';
	if (hasAll(parsed, ['backend', 'duration']) && ('output_throughput' in parsed || 'total_token_throughput' in parsed)) return 'vllm-bench-serve';
	if ('hfId' in parsed && ('tokSOut' in parsed || 'tokSTotal' in parsed || 'engineName' in parsed)) return 'localmaxxing-payload';
	return undefined;
}

const looksLikeResponse = (parsed: unknown) =>
	isObject(parsed) && (('modelId' in parsed && 'status' in parsed) || 'http_code' in parsed);

function parseWhole(text: string): { ok: true; value: unknown } | { ok: false; message: string; multiLine: boolean } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		const lines = text.split('\n').filter((line) => line.trim());
		return { ok: false, message: (error as Error).message, multiLine: lines.length > 1 };
	}
}

export function importArtifact(input: ArtifactInput): ImportOutcome {
	const { path, text } = input;
	if (!text.trim()) return { ok: false, problems: [{ file: path, message: `the file is empty` }] };
	if (input.format && !ARTIFACT_FORMATS.includes(input.format)) {
		return { ok: false, problems: [{ file: path, message: `unknown format "${input.format}"; use one of ${ARTIFACT_FORMATS.join(', ')}` }] };
	}

	const whole = parseWhole(text);
	// JSONL is many JSON documents, one a line: valid line by line, not as a whole.
	if (input.format === 'llama-bench-jsonl' || (!whole.ok && whole.multiLine && text.trimStart().startsWith('{'))) {
		return importLlamaBenchJsonl(text, path);
	}
	if (!whole.ok) return { ok: false, problems: [{ file: path, message: `is not valid JSON (${whole.message})` }] };

	const format = input.format ?? detectFormat(whole.value);
	if (!format) {
		if (looksLikeResponse(whole.value)) {
			return { ok: false, problems: [{ file: path, message: `is a LocalMaxxing response; ingest its payload (the response is read with it for the id)` }] };
		}
		return { ok: false, problems: [{ file: path, message: `unknown artifact format; use --format with one of ${ARTIFACT_FORMATS.join(', ')}` }] };
	}
	switch (format) {
		case 'vllm-bench-throughput':
			return importVllmThroughput(whole.value, path);
		case 'vllm-bench-latency':
			return importVllmLatency(whole.value, path, input.shape ?? {});
		case 'vllm-bench-serve':
			return importVllmServe(whole.value, path);
		case 'llama-bench-json':
			return importLlamaBenchJson(whole.value, path);
		case 'llama-bench-jsonl':
			return importLlamaBenchJsonl(text, path);
		case 'localmaxxing-payload':
			return importLocalmaxxingPayload(whole.value, path, input.companions);
		case 'localmaxxing-queue':
			return importLocalmaxxingQueue(whole.value, path);
	}
}
