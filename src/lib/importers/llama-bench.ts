/** llama.cpp `llama-bench -o json` (an array of tests) and `-o jsonl` (one test per line). */
import { z } from 'astro/zod';
import { compact, count, positive, readArtifact } from './artifact-fields';
import { ggufFileQuantization, llamaCppQuantization } from '../records/quantization';
import type { DerivedRecord, ImportOutcome, ImportProblem, RecordDraft } from './types';

export const llamaBenchRowSchema = z.looseObject({
	build_commit: z.string().min(1),
	build_number: z.number().int().optional(),
	cpu_info: z.string().optional(),
	gpu_info: z.string().optional(),
	backends: z.string().optional(),
	devices: z.string().optional(),
	model_filename: z.string().min(1),
	model_type: z.string().optional(),
	n_batch: count.optional(),
	n_ubatch: count.optional(),
	type_k: z.string().optional(),
	type_v: z.string().optional(),
	n_gpu_layers: z.number().int().optional(),
	split_mode: z.string().optional(),
	flash_attn: z.union([z.boolean(), z.number(), z.string()]).optional(),
	tensor_split: z.string().optional(),
	n_prompt: count,
	n_gen: count,
	n_depth: count.optional(),
	avg_ts: positive,
	stddev_ts: z.number().nonnegative().optional(),
	samples_ts: z.array(positive).optional(),
	test_time: z.string().optional(),
});
type LlamaBenchRow = z.output<typeof llamaBenchRowSchema>;

/** avg_ts counts prompt tokens for pp tests, generated tokens for tg tests, both for pp+tg. */
function metricFor(row: LlamaBenchRow): 'prefillTokPerS' | 'outputTokPerS' | 'totalTokPerS' {
	if (row.n_gen === 0) return 'prefillTokPerS';
	if (row.n_prompt === 0) return 'outputTokPerS';
	return 'totalTokPerS';
}

/**
 * Cards used: one with split mode "none" (the main GPU only); else the devices listed
 * ("SYCL0/SYCL1/SYCL2" -> 3), or the tensor split's non-zero shares ("1/1/0" -> 2) when the build
 * does not list devices. A split of all zeros ("0.00") is llama.cpp's default (every visible
 * device), which the file does not count: the card count is then not recorded.
 */
function gpuCount(row: LlamaBenchRow): number | undefined {
	if (row.split_mode === 'none') return 1;
	const list = (text: string | undefined) => text?.split(/[/,;]/).map((item) => item.trim()).filter(Boolean) ?? [];
	const shares = list(row.tensor_split).map(Number);
	const used = shares.filter((share) => Number.isFinite(share) && share > 0).length;
	const devices = list(row.devices).filter((device) => device.toLowerCase() !== 'auto' && device.toLowerCase() !== 'none');
	if (devices.length && used && shares.length === devices.length) return used;
	if (devices.length) return devices.length;
	return used > 1 || (used === 1 && shares.length > 1) ? used : undefined;
}

/**
 * A GPU name that is only a PCI device id, as SYCL builds report Arc cards ("Intel(R) Graphics
 * [0xe223]"): true to the artifact, but it names no model a reader would recognise.
 */
export const namesOnlyADeviceId = (name: string): boolean => /\[0x[0-9a-f]{3,4}\]/i.test(name) && !/\b(?:arc|rtx|radeon|geforce|quadro|instinct|xe|iris|uhd|pro|max|flex)\b/i.test(name);

/** Recent builds list every visible device ("Intel(R) Graphics [0xe223], Intel(R) Graphics [0xe223]"): name each model once. */
function gpuName(gpuInfo: string | undefined): string | undefined {
	const names = [...new Set(gpuInfo?.split(',').map((name) => name.trim()).filter(Boolean))];
	return names.length ? names.join(', ') : undefined;
}

/** The quant type from llama.cpp's file-type name, else the tag in the GGUF file name. */
function quantization(row: LlamaBenchRow): string | undefined {
	const type = (row.model_type && llamaCppQuantization(row.model_type)) ?? ggufFileQuantization(row.model_filename);
	return type ? `GGUF ${type}` : undefined;
}

const fileName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

function draftFor(row: LlamaBenchRow): RecordDraft {
	const metric = metricFor(row);
	const settings = [
		row.n_batch !== undefined && `n_batch ${row.n_batch}`,
		row.n_ubatch !== undefined && `n_ubatch ${row.n_ubatch}`,
		row.type_k && `KV ${row.type_k}/${row.type_v ?? row.type_k}`,
		row.n_gpu_layers !== undefined && `ngl ${row.n_gpu_layers}`,
		row.split_mode && `split ${row.split_mode}`,
		row.tensor_split && `tensor split ${row.tensor_split}`,
		row.flash_attn !== undefined && `flash attention ${String(row.flash_attn)}`,
	].filter(Boolean);
	return compact({
		date: row.test_time?.slice(0, 10),
		model: { id: fileName(row.model_filename), quantization: quantization(row) },
		hardware: { gpu: gpuName(row.gpu_info), gpuCount: gpuCount(row), cpu: row.cpu_info },
		software: {
			engine: { name: 'llama.cpp', version: `${row.build_commit}${row.build_number ? ` (build ${row.build_number})` : ''}${row.backends ? ` ${row.backends}` : ''}` },
			commit: row.build_commit,
		},
		// llama-bench runs one sequence sized to the test: batch 1, concurrency 1, context = the test.
		shape: {
			promptTokens: row.n_prompt,
			outputTokens: row.n_gen,
			contextLength: row.n_prompt + row.n_gen + (row.n_depth ?? 0),
			batchSize: 1,
			concurrency: 1,
		},
		speculation: { enabled: false },
		metrics: {
			[metric]: row.avg_ts,
			repeats: row.samples_ts?.map((sample) => ({ [metric]: sample })),
		},
		notes: `llama-bench ${row.n_prompt ? `pp${row.n_prompt}` : ''}${row.n_prompt && row.n_gen ? '+' : ''}${row.n_gen ? `tg${row.n_gen}` : ''}${row.n_depth ? ` at depth ${row.n_depth}` : ''}: ${settings.join(', ')}.`,
	} as RecordDraft);
}

function importRows(rows: Array<{ value: unknown; where: string }>, path: string, format: 'llama-bench-json' | 'llama-bench-jsonl'): ImportOutcome {
	if (rows.length === 0) return { ok: false, problems: [{ file: path, message: `has no llama-bench tests` }] };
	const records: DerivedRecord[] = [];
	const problems: ImportProblem[] = [];
	rows.forEach(({ value, where }, index) => {
		const read = readArtifact(llamaBenchRowSchema, value, path, `${where}: `);
		if (!read.ok) problems.push(...read.problems);
		else records.push({ key: `test-${index + 1}`, content: value, draft: draftFor(read.data) });
	});
	return problems.length ? { ok: false, problems } : { ok: true, format, records };
}

export function importLlamaBenchJson(parsed: unknown, path: string): ImportOutcome {
	if (!Array.isArray(parsed)) return { ok: false, problems: [{ file: path, message: `llama-bench -o json writes an array of tests; this is not an array` }] };
	return importRows(parsed.map((value, index) => ({ value, where: `test ${index + 1}` })), path, 'llama-bench-json');
}

/** Each line one JSON test; a line that does not parse (a truncated file) refuses the artifact. */
export function importLlamaBenchJsonl(text: string, path: string): ImportOutcome {
	const rows: Array<{ value: unknown; where: string }> = [];
	const lines = text.split('\n');
	for (const [index, line] of lines.entries()) {
		if (!line.trim()) continue;
		try {
			rows.push({ value: JSON.parse(line), where: `line ${index + 1}` });
		} catch {
			return { ok: false, problems: [{ file: path, message: `line ${index + 1} is not valid JSON (a truncated or interrupted run?)` }] };
		}
	}
	return importRows(rows, path, 'llama-bench-jsonl');
}
