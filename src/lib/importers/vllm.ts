/**
 * vLLM's benchmark outputs: `vllm bench throughput --output-json`, `vllm bench latency
 * --output-json` and `vllm bench serve --save-result`.
 */
import { z } from 'astro/zod';
import { compact, count, evenShare, nonNegative, positive, readArtifact } from './artifact-fields';
import { labelPathProblem, typedLabelValue } from './label-typing';
import { mergeLabels, setPath } from './label-values';
import type { ImportOutcome, ImportProblem, RecordDraft } from './types';

const ENGINE = { name: 'vllm' };

export const vllmThroughputSchema = z.looseObject({
	elapsed_time: positive,
	num_requests: z.number().int().positive(),
	total_num_tokens: count,
	requests_per_second: nonNegative,
	tokens_per_second: positive,
});

/** tokens_per_second is (prompt + output) / elapsed: total throughput. Output is not in the file. */
export function importVllmThroughput(parsed: unknown, path: string): ImportOutcome {
	const read = readArtifact(vllmThroughputSchema, parsed, path);
	if (!read.ok) return read;
	const bench = read.data;
	const draft: RecordDraft = {
		software: { engine: ENGINE },
		metrics: { totalTokPerS: bench.tokens_per_second },
		notes: `vllm bench throughput: ${bench.num_requests} requests, ${bench.total_num_tokens} tokens in ${bench.elapsed_time} s. The file reports total (prompt + output) throughput only.`,
	};
	return { ok: true, format: 'vllm-bench-throughput', records: [{ key: '', content: parsed, draft: compact(draft) }] };
}

export const vllmLatencySchema = z.looseObject({
	avg_latency: positive,
	latencies: z.array(positive).min(1),
	percentiles: z.record(z.string(), nonNegative).optional(),
});

/**
 * Latency runs time one batch end to end (prefill included). Throughput follows only from the
 * batch size and lengths, which the file does not state: they must come from the labels.
 */
export function importVllmLatency(
	parsed: unknown,
	path: string,
	labels: { batchSize?: unknown; promptTokens?: unknown; outputTokens?: unknown },
): ImportOutcome {
	const read = readArtifact(vllmLatencySchema, parsed, path);
	if (!read.ok) return read;
	const { batchSize, promptTokens, outputTokens } = labels;
	const needed = { 'shape.batchSize': batchSize, 'shape.promptTokens': promptTokens, 'shape.outputTokens': outputTokens };
	const absent = Object.entries(needed).filter(([, value]) => typeof value !== 'number').map(([name]) => name);
	if (absent.length) {
		return {
			ok: false,
			problems: [{ file: path, message: `a vllm bench latency file has no batch size or lengths; give ${absent.join(', ')} (e.g. --set ${absent[0]}=1)` }],
		};
	}
	const batch = batchSize as number;
	const outputPerRun = batch * (outputTokens as number);
	const totalPerRun = batch * ((promptTokens as number) + (outputTokens as number));
	const bench = read.data;
	const draft: RecordDraft = {
		software: { engine: ENGINE },
		metrics: {
			outputTokPerS: outputPerRun / bench.avg_latency,
			totalTokPerS: totalPerRun / bench.avg_latency,
			repeats: bench.latencies.map((latency) => ({
				outputTokPerS: outputPerRun / latency,
				totalTokPerS: totalPerRun / latency,
				elapsedS: latency,
			})),
		},
		notes: `vllm bench latency: mean ${bench.avg_latency} s per batch over ${bench.latencies.length} runs; throughput is tokens per batch over end-to-end latency (prefill included).`,
	};
	return { ok: true, format: 'vllm-bench-latency', records: [{ key: '', content: parsed, draft: compact(draft) }] };
}

const ms = nonNegative.optional();
export const vllmServeSchema = z.looseObject({
	date: z.string().optional(),
	backend: z.string().min(1),
	model_id: z.string().min(1),
	num_prompts: z.number().int().positive(),
	request_rate: z.union([nonNegative, z.literal('inf')]).optional(),
	max_concurrency: z.number().int().positive().nullable().optional(),
	duration: positive,
	completed: count,
	failed: count.optional(),
	total_input_tokens: count,
	total_output_tokens: count,
	request_throughput: nonNegative.optional(),
	output_throughput: positive,
	total_token_throughput: positive,
	mean_ttft_ms: ms,
	mean_tpot_ms: ms,
	mean_itl_ms: ms,
	spec_decode_acceptance_rate: z.number().min(0).max(100).optional(),
});

/** "20260518-101500" (vLLM's --save-result date) -> "2026-05-18". */
function serveDate(date: string | undefined): string | undefined {
	const match = date && /^(\d{4})(\d{2})(\d{2})/.exec(date.replace(/-/g, '').slice(0, 8));
	return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * Labels a recipe passed with `--metadata label.<path>=<value>` (e.g. label.warmth=warm,
 * label.hardware.gpuCount=4): the benchmark then carries them in its own output. Only label paths
 * of the record schema are taken: never measured metrics, provenance or prototype keys.
 */
function metadataLabels(parsed: Record<string, unknown>, path: string): { labels: RecordDraft; problems: ImportProblem[] } {
	const labels: Record<string, unknown> = {};
	const problems: ImportProblem[] = [];
	for (const [key, value] of Object.entries(parsed)) {
		if (!key.startsWith('label.')) continue;
		const labelPath = key.slice('label.'.length);
		const problem = labelPathProblem(labelPath);
		if (problem) problems.push({ file: path, message: `metadata ${key}: ${problem}; only label fields can be given with --metadata label.<path>=<value>` });
		else setPath(labels, labelPath, typeof value === 'string' ? typedLabelValue(labelPath, value) : value);
	}
	return { labels: labels as RecordDraft, problems };
}

/** vLLM's serve backends that name the engine; "openai" and "openai-chat" fit any compatible server. */
function engineOf(backend: string): string | undefined {
	if (backend.startsWith('openai')) return undefined;
	return backend;
}

export function importVllmServe(parsed: unknown, path: string): ImportOutcome {
	const read = readArtifact(vllmServeSchema, parsed, path);
	if (!read.ok) return read;
	const bench = read.data;
	const metadata = metadataLabels(parsed as Record<string, unknown>, path);
	if (metadata.problems.length) return { ok: false, problems: metadata.problems };
	if (bench.completed === 0) return { ok: false, problems: [{ file: path, message: `no request completed (completed: 0); there is no throughput to record` }] };
	const concurrency = bench.max_concurrency ?? (bench.request_rate === 'inf' ? bench.num_prompts : undefined);
	const failedNote = bench.failed ? ` ${bench.failed} of ${bench.num_prompts} requests failed.` : '';
	const derived: RecordDraft = {
		date: serveDate(bench.date),
		model: { id: bench.model_id },
		software: { engine: { name: engineOf(bench.backend) } },
		shape: {
			promptTokens: evenShare(bench.total_input_tokens, bench.completed),
			outputTokens: evenShare(bench.total_output_tokens, bench.completed),
			concurrency,
		},
		metrics: {
			outputTokPerS: bench.output_throughput,
			totalTokPerS: bench.total_token_throughput,
			ttftMs: bench.mean_ttft_ms,
			tpotMs: bench.mean_tpot_ms,
			itlMs: bench.mean_itl_ms,
		},
		speculation:
			bench.spec_decode_acceptance_rate === undefined ? undefined : { enabled: true, acceptancePercent: bench.spec_decode_acceptance_rate },
		notes: `vllm bench serve: ${bench.completed} of ${bench.num_prompts} requests in ${bench.duration} s at request rate ${bench.request_rate ?? 'unknown'}. Output tok/s counts output tokens over the whole run, prefill included (not decode speed).${failedNote}`,
	};
	const draft = mergeLabels(compact(derived) as Record<string, unknown>, metadata.labels as Record<string, unknown>);
	return { ok: true, format: 'vllm-bench-serve', records: [{ key: '', content: parsed, draft: draft as RecordDraft }] };
}
