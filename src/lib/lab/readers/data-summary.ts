/**
 * The lab's data JSON: gated benchmark summaries (`status`, `benchmark_policy`, `quality_policy`,
 * `runtime`, per-repeat and mean throughput) and files with `runs` / `results` arrays (one run per
 * element). Key names vary between experiments (`mean_output_toks_per_second`, `tok_s_out`,
 * `output_tok_s_mean`, `tokSOut`...), so throughput keys are read by their words: which throughput
 * (output / total / prefill), and whether it is a mean, a list of repeats, or someone else's
 * number (previous, baseline, reference, delta), which is not this run's.
 *
 * Everything here is recorded (a structured field), except what a free-text field states.
 */
import { CLAIM_FIELDS, fieldEvidence, type Claim, type ReaderResult, type RunObservation, type RunStatus } from '../claims';
import { hardwareIn, localmaxxingIds, runArtifacts, shapeIn, warmthIn } from './statements';

import { isObject, isText, type Json } from './json-values';
import { fileGuardrails, readQuality } from './data-quality';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The words of a key: `mean_output_toks_per_second`, `tokSOut` -> ["mean", "output", "toks", ...]. */
const words = (key: string): string[] =>
	key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

export type ThroughputKey = { metric: 'output' | 'total' | 'prefill'; mean: boolean };

/** Someone else's number, a spread or a derived figure: not this run's throughput. */
const NOT_OWN = new Set(['previous', 'prev', 'baseline', 'reference', 'ref', 'best', 'delta', 'gain', 'pct', 'percent', 'stddev', 'std', 'min', 'max', 'median', 'equiv', 'computed', 'reported', 'promoted', 'diff', 'ratio', 'speedup', 'target', 'expected', 'old', 'before', 'after', 'vs', 'prior', 'control', 'kv', 'cache', 'num', 'count', 'batched']);

/** What a key holds, or undefined when it is not a throughput of this run. */
export function throughputKey(key: string): ThroughputKey | undefined {
	const parts = words(key);
	const rate = parts.some((part) => ['toks', 'tps'].includes(part)) || (parts.includes('tok') && parts.includes('s')) || (parts.includes('tokens') && parts.includes('second'));
	if (!rate || parts.some((part) => NOT_OWN.has(part))) return undefined;
	const mean = parts.includes('mean') || parts.includes('avg') || parts.includes('average');
	if (parts.some((part) => ['out', 'output', 'outputs'].includes(part))) return { metric: 'output', mean };
	if (parts.includes('total')) return { metric: 'total', mean };
	if (parts.some((part) => ['prefill', 'prompt', 'pp'].includes(part))) return { metric: 'prefill', mean };
	return undefined;
}

/** The lab's status codes, read by their words (`quality_failed_extended_suite`, `promoted_strict_quality_pass`). */
export function statusCode(code: string): RunStatus | undefined {
	const text = code.toLowerCase();
	if (/withdrawn|retracted/.test(text)) return 'withdrawn';
	if (/invalid|erratum/.test(text)) return 'invalidated';
	if (/^approved$|accepted/.test(text)) return 'accepted';
	if (/quality[_ -]?failed|raw[_ -]?exact[_ -]?failed|corrupt/.test(text)) return 'negative';
	if (/blocked|hung|stalled|failed[_ -]before|crash/.test(text)) return 'blocked';
	if (/not[_ -]?promoted|no[_ -](?:new[_ -])?promot|no[_ -]?improvement|no[_ -]?uplift|regressed|rejected/.test(text)) return 'rejected';
	if (/^negative/.test(text)) return 'negative';
	if (/promoted/.test(text)) return 'promoted';
	if (/superseded/.test(text)) return 'superseded';
	return undefined;
}


/** "2026-05-18", "2026-05-18T14:59:21Z", "20260518T145921Z" -> 2026-05-18. */
function dateOf(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
	if (iso) return iso[1];
	const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value);
	return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : undefined;
}

const REPEAT_ARRAYS = ['benchmarks', 'repeats', 'samples', 'bench_runs'];
const MEAN_OBJECTS = ['mean', 'average', 'avg'];
const METRIC_OBJECTS = ['performance', 'result', 'metrics', 'throughput', 'benchmark', 'summary', 'bench', 'speed'];
const SHAPE_OBJECTS = ['shape', 'benchmark_shape', 'benchmark_policy', 'runtime', 'workload'];

type Add = (field: string, value: unknown, jsonPath: string, basis?: Claim['basis']) => void;

interface Reading {
	claims: Claim[];
	statuses: RunObservation['statuses'];
	ids: string[];
	/** Timestamped raw result files the object names directly (its own log and JSON). */
	artifacts?: string[];
	date?: string;
	title?: string;
}

function reader(path: string) {
	const reading: Reading = { claims: [], statuses: [], ids: [] };
	const add = (field: string, value: unknown, jsonPath: string, basis: Claim['basis'] = 'recorded') => {
		if (!reading.claims.some((claim) => claim.field === field)) reading.claims.push({ field, value, basis, evidence: fieldEvidence(path, jsonPath) });
	};
	return { reading, add };
}

/** Throughput keys of one object: means first, then plain numbers; arrays of numbers are repeats. */
function readThroughput(object: Json, prefix: string, add: (field: string, value: unknown, jsonPath: string) => void): boolean {
	let found = false;
	const entries = Object.entries(object)
		.map(([key, value]) => ({ key, value, kind: throughputKey(key) }))
		.filter((entry) => entry.kind)
		.sort((a, b) => Number(b.kind!.mean) - Number(a.kind!.mean));
	for (const { key, value, kind } of entries) {
		const field = `metrics.${kind!.metric}TokPerS`;
		if (isNumber(value) && value > 0) {
			add(field, value, `${prefix}${key}`);
			found = true;
		} else if (Array.isArray(value) && value.length > 1 && value.every((entry) => isNumber(entry) && entry > 0) && kind!.metric !== 'prefill') {
			add(`metrics.repeats.${kind!.metric}`, value, `${prefix}${key}`);
			found = true;
		}
	}
	return found;
}

/** Repeats from `benchmarks: [{ output_tokens_per_second, tokens_per_second }]` (vLLM bench JSONs). */
function readRepeatArray(list: unknown[], jsonPath: string, add: (field: string, value: unknown, jsonPath: string) => void): void {
	const objects = list.filter(isObject);
	if (objects.length !== list.length || !objects.length) return;
	const outputs = objects.map((entry) => Object.entries(entry).find(([key]) => throughputKey(key)?.metric === 'output')?.[1]);
	if (outputs.every((value) => isNumber(value) && value > 0)) add('metrics.repeats.output', outputs, jsonPath);
}

/** The output figure an object states directly (a mean before a single value), if any. */
function ownOutput(object: Json): number | undefined {
	let output: number | undefined;
	readThroughput(object, '', (field, value) => {
		if (field === 'metrics.outputTokPerS' && output === undefined) output = value as number;
	});
	return output;
}

/**
 * `runs: [{ tokSOut: 61.76 }, { tokSOut: 61.74 }]` beside `mean: { tokSOut: 61.75 }` (or a mean
 * figure of the object itself): the elements are the repeats of one run, not runs of their own.
 * Told apart by arithmetic: their output figures average to the holder's.
 */
function isRepeatList(holder: Json, list: unknown): boolean {
	if (!Array.isArray(list) || list.length < 2 || !list.every(isObject)) return false;
	const outputs = (list as Json[]).map(ownOutput);
	if (!outputs.every((value): value is number => value !== undefined)) return false;
	const mean = outputs.reduce((sum, value) => sum + value, 0) / outputs.length;
	const stated = ownOutput(holder) ?? MEAN_OBJECTS.map((key) => (isObject(holder[key]) ? ownOutput(holder[key] as Json) : undefined)).find((value) => value !== undefined);
	return stated !== undefined && Math.abs(stated - mean) <= 5e-4 * stated;
}

function readShape(object: Json, prefix: string, add: (field: string, value: unknown, jsonPath: string) => void): void {
	const pick = (keys: string[], field: string) => {
		for (const key of keys) {
			const value = object[key];
			if (isNumber(value) && Number.isInteger(value) && value > 0) return add(field, value, `${prefix}${key}`);
		}
	};
	pick(['prompt_tokens', 'promptTokens', 'input_tokens', 'inputTokens', 'input_len', 'prompt_len', 'random_input_len'], 'shape.promptTokens');
	pick(['output_tokens', 'outputTokens', 'output_len', 'random_output_len', 'max_tokens', 'gen_tokens'], 'shape.outputTokens');
	pick(['context_length', 'contextLength', 'max_model_len', 'maxModelLen', 'ctx', 'context'], 'shape.contextLength');
	pick(['batch_size', 'batchSize', 'batch'], 'shape.batchSize');
	pick(['concurrency', 'max_concurrency'], 'shape.concurrency');
	pick(['tensor_parallel_size', 'tensor_parallel', 'tensorParallel', 'tp'], CLAIM_FIELDS.tensorParallel);
	pick(['max_num_seqs', 'maxNumSeqs'], CLAIM_FIELDS.maxNumSeqs);
	pick(['max_num_batched_tokens', 'maxNumBatchedTokens'], CLAIM_FIELDS.maxNumBatchedTokens);
	pick(['repeats_requested', 'repeats', 'bench_repeats', 'num_repeats'], CLAIM_FIELDS.repeatCount);
	if (object.benchmarked_only_after_quality_pass === true) add(CLAIM_FIELDS.benchmarkedAfterQuality, true, `${prefix}benchmarked_only_after_quality_pass`);
	if (typeof object.shape === 'string') {
		for (const [key, value] of Object.entries(shapeIn(object.shape))) add(`shape.${key}`, value, `${prefix}shape`);
	}
}

/** Warmth only from a field that states it: a warm-up count, a warm flag, or a sentence saying so. */
function readWarmth(object: Json, prefix: string, add: (field: string, value: unknown, jsonPath: string, basis?: Claim['basis']) => void): void {
	for (const [key, value] of Object.entries(object)) {
		const parts = words(key);
		// warmup, warmup_runs, warmupIters, num_warmups... but not cudagraph_num_of_warmups (graph capture, not the benchmark).
		if (!parts.some((part) => part === 'warmup' || part === 'warmups') || parts.some((part) => ['cudagraph', 'graph', 'preserve', 'ipc', 'sec', 's', 'ms', 'us'].includes(part))) continue;
		if (isNumber(value)) return add('warmth', value > 0 ? 'warm' : 'cold', `${prefix}${key}`);
		if (value === true) return add('warmth', 'warm', `${prefix}${key}`);
		// A recorded warm-up pass beside the measured runs: they ran warm.
		if (isObject(value) && Object.keys(value).some((name) => throughputKey(name))) return add('warmth', 'warm', `${prefix}${key}`);
	}
	if (object.warm === true) return add('warmth', 'warm', `${prefix}warm`);
	if (object.cold === true || object.cold_start === true) return add('warmth', 'cold', `${prefix}${object.cold === true ? 'cold' : 'cold_start'}`);
	for (const key of ['notes', 'method', 'measurement', 'protocol', 'note']) {
		const value = object[key];
		const warmth = typeof value === 'string' ? warmthIn(value) : undefined;
		if (warmth) return add('warmth', warmth, `${prefix}${key}`, 'stated');
	}
}

/**
 * A run named `ccl_atl_p512n1536_warm` / `..._cold` states its warmth in its name (the lab runs the
 * same shape cold, then again warm). Only the word itself counts: `warmup_only` is not `warm`.
 */
function warmthInName(object: Json, prefix: string, add: Add): void {
	for (const key of ['label', 'name', 'run', 'variant', 'candidate', 'title', 'id']) {
		const name = object[key];
		if (typeof name !== 'string') continue;
		const parts = words(name);
		const warm = parts.some((part) => part === 'warm' || part === 'warmed');
		const cold = parts.includes('cold');
		if (warm !== cold) add('warmth', warm ? 'warm' : 'cold', `${prefix}${key}`, 'stated');
		return;
	}
}

const HF_ID = /^[\w.-]+\/[\w.-]+$/;

/** The first key of `keys` whose value passes `accept`, with its value. */
function first(object: Json, keys: string[], accept: (value: unknown) => boolean): [string, unknown] | undefined {
	for (const key of keys) if (accept(object[key])) return [key, object[key]];
	return undefined;
}

const isCount = (value: unknown): value is number => isNumber(value) && Number.isInteger(value) && value > 0;

/** `model: { hfId | hf_id | id, quantization }`: the model object most data files carry. */
function readModelObject(model: Json, prefix: string, add: Add): void {
	const id = first(model, ['hfId', 'hf_id', 'model_hf_id', 'id', 'name'], (value) => isText(value) && HF_ID.test(value));
	if (id) add('model.id', id[1], `${prefix}${id[0]}`);
	const quantization = first(model, ['quantization', 'quant'], isText);
	if (quantization) add('model.quantization', quantization[1], `${prefix}${quantization[0]}`);
}

/**
 * `hardware: { gpuName | gpu_name | gpu, gpuCount | gpu_count, vramGbEach | vram_gb_per_gpu ..., cpu, ramGb, os }`.
 * A count of the cards used outranks the cards present; a total VRAM (`vramGb` beside a count) is
 * not read, since it does not say whether it is per card.
 */
function readHardwareObject(hardware: Json, prefix: string, add: Add): void {
	const name = first(hardware, ['gpuName', 'gpu_name', 'gpu'], isText);
	const stated = name ? hardwareIn(name[1] as string) : undefined;
	if (name && stated) {
		// "4x Intel Arc Pro B70 32GB" in the gpu field names the count and VRAM too.
		add('hardware.gpu', stated.gpu, `${prefix}${name[0]}`);
		add('hardware.gpuCount', stated.gpuCount, `${prefix}${name[0]}`);
		if (stated.vramGbPerGpu) add('hardware.vramGbPerGpu', stated.vramGbPerGpu, `${prefix}${name[0]}`);
	} else if (name) add('hardware.gpu', (name[1] as string).trim(), `${prefix}${name[0]}`);
	const count = first(hardware, ['gpu_count_used', 'gpuCountUsed', 'gpuCount', 'gpu_count'], isCount);
	if (count) add('hardware.gpuCount', count[1], `${prefix}${count[0]}`);
	const vram = first(hardware, ['vramGbPerGpu', 'vram_gb_per_gpu', 'vramGbEach', 'vram_gb_each', 'vramGbPerCard', 'vram_gb_per_card'], (value) => isNumber(value) && value > 0);
	if (vram) add('hardware.vramGbPerGpu', vram[1], `${prefix}${vram[0]}`);
	// "Intel Arc Pro B70 32GB": the card's name states its VRAM.
	else if (name && !stated && /\b(\d{1,3})\s*GB$/i.test(name[1] as string)) add('hardware.vramGbPerGpu', Number(/(\d{1,3})\s*GB$/i.exec(name[1] as string)![1]), `${prefix}${name[0]}`);
	const cpu = first(hardware, ['cpu'], isText);
	if (cpu) add('hardware.cpu', cpu[1], `${prefix}cpu`);
	const ram = first(hardware, ['ramGb', 'ram_gb'], (value) => isNumber(value) && value > 0);
	if (ram) add('hardware.ramGb', ram[1], `${prefix}${ram[0]}`);
	const os = first(hardware, ['os'], isText);
	if (os) add('software.os', os[1], `${prefix}os`);
}

const ENGINE = /^(vLLM|vllm|llama\.cpp|ik_llama\.cpp|openvino|sglang|ollama)\b\s*([\w.+-]*\d[\w.+-]*)?/i;

function readEngine(text: string, jsonPath: string, add: Add): void {
	const match = ENGINE.exec(text.trim());
	if (!match) return;
	add('software.engine.name', match[1], jsonPath);
	if (match[2]) add('software.engine.version', match[2], jsonPath);
}

/** `engine: { name, version }` and `software: { engine, engineVersion }`. */
function readSoftwareObject(software: Json, prefix: string, add: Add): void {
	const name = first(software, ['name', 'engine', 'engineName', 'engine_name'], isText);
	if (name) readEngine(name[1] as string, `${prefix}${name[0]}`, add);
	const version = first(software, ['version', 'engineVersion', 'engine_version', 'vllm_version'], isText);
	if (version) add('software.engine.version', version[1], `${prefix}${version[0]}`);
	const os = first(software, ['os'], isText);
	if (os) add('software.os', os[1], `${prefix}os`);
}

function readLabels(object: Json, prefix: string, reading: Reading, add: Add): void {
	for (const key of ['model_hf_id', 'hfId', 'hf_id', 'model_id', 'model']) {
		const value = object[key];
		if (typeof value === 'string' && HF_ID.test(value)) {
			add('model.id', value, `${prefix}${key}`);
			break;
		}
	}
	for (const key of ['quantization', 'quant']) if (typeof object[key] === 'string') add('model.quantization', object[key], `${prefix}${key}`);
	if (isObject(object.model)) readModelObject(object.model, `${prefix}model.`, add);
	if (isObject(object.hardware)) readHardwareObject(object.hardware, `${prefix}hardware.`, add);
	if (isObject(object.engine)) readSoftwareObject(object.engine, `${prefix}engine.`, add);
	if (isObject(object.software)) readSoftwareObject(object.software, `${prefix}software.`, add);
	if (typeof object.hardware === 'string') {
		const hardware = hardwareIn(object.hardware);
		if (hardware) {
			add('hardware.gpu', hardware.gpu, `${prefix}hardware`);
			add('hardware.gpuCount', hardware.gpuCount, `${prefix}hardware`);
			if (hardware.vramGbPerGpu) add('hardware.vramGbPerGpu', hardware.vramGbPerGpu, `${prefix}hardware`);
		}
	}
	for (const key of ['engine', 'engineName', 'engine_name']) if (typeof object[key] === 'string') readEngine(object[key] as string, `${prefix}${key}`, add);
	for (const key of ['engineVersion', 'engine_version', 'vllm_version']) if (typeof object[key] === 'string') add('software.engine.version', object[key], `${prefix}${key}`);
	for (const key of ['localmaxxing_id', 'localmaxxingId', 'localmaxxing', 'localMaxxing', 'localmaxxing_run_id']) {
		const value = object[key];
		const text = typeof value === 'string' ? value : isObject(value) ? JSON.stringify(value) : '';
		for (const id of localmaxxingIds(text)) if (!reading.ids.includes(id)) reading.ids.push(id);
	}
	// A LocalMaxxing response saved under another name: its own `id` beside LocalMaxxing's field names.
	if (typeof object.id === 'string' && /^cm[a-z0-9]{23}$/.test(object.id) && ('tokSOut' in object || 'tokSTotal' in object) && ('modelId' in object || 'hardwareId' in object)) {
		if (!reading.ids.includes(object.id)) reading.ids.unshift(object.id);
	}
	for (const key of ['date', 'date_utc', 'dateUtc', 'created_utc', 'timestamp_utc', 'timestamp']) {
		const date = dateOf(object[key]);
		if (date) {
			reading.date ??= date;
			break;
		}
	}
	for (const key of ['title', 'label', 'name', 'candidate', 'experiment', 'variant', 'id']) {
		if (typeof object[key] === 'string' && !/^cm[a-z0-9]{23}$/.test(object[key] as string)) {
			reading.title ??= (object[key] as string).slice(0, 120);
			break;
		}
	}
}

/** Everything one object states about its run (the file, or one element of a runs array). */
function readRun(path: string, object: Json, prefix: string): Reading & { hasThroughput: boolean } {
	const { reading, add } = reader(path);
	// `mean: { tokSOut }` beside the repeats it averages is the run's figure, read before any single value.
	let hasThroughput = false;
	for (const [holder, at] of [[object, prefix], ...METRIC_OBJECTS.filter((key) => isObject(object[key])).map((key) => [object[key], `${prefix}${key}.`])] as Array<[Json, string]>) {
		for (const key of MEAN_OBJECTS) if (isObject(holder[key])) hasThroughput = readThroughput(holder[key] as Json, `${at}${key}.`, add) || hasThroughput;
	}
	hasThroughput = readThroughput(object, prefix, add) || hasThroughput;
	for (const key of METRIC_OBJECTS) {
		if (isObject(object[key])) hasThroughput = readThroughput(object[key] as Json, `${prefix}${key}.`, add) || hasThroughput;
	}
	for (const key of REPEAT_ARRAYS) if (Array.isArray(object[key])) readRepeatArray(object[key] as unknown[], `${prefix}${key}`, add);
	for (const [key, value] of Object.entries(object)) if (!REPEAT_ARRAYS.includes(key) && isRepeatList(object, value)) readRepeatArray(value as unknown[], `${prefix}${key}`, add);
	readShape(object, prefix, add);
	for (const key of SHAPE_OBJECTS) if (isObject(object[key])) readShape(object[key] as Json, `${prefix}${key}.`, add);
	readWarmth(object, prefix, add);
	for (const key of SHAPE_OBJECTS) if (isObject(object[key])) readWarmth(object[key] as Json, `${prefix}${key}.`, add);
	warmthInName(object, prefix, add);
	readQuality(object, prefix, add, hasThroughput);
	readLabels(object, prefix, reading, add);
	const artifacts = Object.values(object).flatMap((value) => (typeof value === 'string' ? runArtifacts(` ${value}`) : []));
	if (artifacts.length) reading.artifacts = [...new Set(artifacts)];
	const status = typeof object.status === 'string' ? statusCode(object.status) : undefined;
	if (status) reading.statuses.push({ status, ...(reading.date ? { date: reading.date } : {}), basis: 'recorded', evidence: fieldEvidence(path, `${prefix}status`) });
	// Repeats as the record schema holds them: one object per repeat.
	const outputs = reading.claims.find((claim) => claim.field === 'metrics.repeats.output');
	const totals = reading.claims.find((claim) => claim.field === 'metrics.repeats.total');
	const list = (outputs?.value ?? totals?.value) as number[] | undefined;
	reading.claims = reading.claims.filter((claim) => !claim.field.startsWith('metrics.repeats.'));
	if (list) {
		const repeats = list.map((_, index) => ({
			...(outputs ? { outputTokPerS: (outputs.value as number[])[index] } : {}),
			...(totals && (totals.value as number[]).length === list.length ? { totalTokPerS: (totals.value as number[])[index] } : {}),
		}));
		reading.claims.push({ field: 'metrics.repeats', value: repeats, basis: 'recorded', evidence: (outputs ?? totals)!.evidence });
	}
	return { ...reading, hasThroughput };
}

/** A block that names another run the file compares with ("baseline", "previous_promoted"), not the file's own. */
const REFERENCE_BLOCK = /(?:^|[_\s-])(?:baseline|reference|ref|previous|prev|prior|control|anchor|promoted|current[_\s-]?best)(?:$|[_\s-])/i;

function toObservation(path: string, reading: Reading, context?: Reading, own = true): RunObservation {
	const claims = [...reading.claims];
	for (const claim of context?.claims ?? []) {
		// The file's labels (model, hardware, engine, shape) hold for its runs unless a run says otherwise.
		if (inherited(claim) && !claims.some((existing) => existing.field === claim.field)) claims.push(claim);
	}
	const output = claims.find((claim) => claim.field === 'metrics.outputTokPerS')?.value as number | undefined;
	const id = reading.ids[0];
	const date = reading.date ?? context?.date;
	return {
		source: path,
		keys: { ...(own ? { files: [path] } : {}), ...(id ? { localmaxxingId: id } : {}), ...(output !== undefined ? { outputTokPerS: output } : {}), ...(reading.artifacts ? { artifacts: reading.artifacts } : {}) },
		...(reading.title ? { title: reading.title } : {}),
		...(date ? { date } : {}),
		claims,
		statuses: reading.statuses.map((entry) => (entry.date || !date ? entry : { ...entry, date })),
	};
}

/**
 * Whether an enclosing object's claim holds for the runs inside it: labels do, figures do not, and
 * a quality verdict does not either (the file's gate may have failed a variant it lists), but the
 * guardrails an experiment kept hold for each of its screens.
 */
const inherited = (claim: Claim): boolean =>
	!claim.field.startsWith('metrics.') && (claim.field !== 'quality' || (claim.value as { method?: string }).method === 'guardrails');

/** The labels of an enclosing object, with the inner object's own labels taking precedence. */
function within(outer: Reading, inner: Reading): Reading {
	const claims = [...inner.claims.filter(inherited)];
	for (const claim of outer.claims) if (!claims.some((existing) => existing.field === claim.field)) claims.push(claim);
	return { claims, statuses: [], ids: [], date: inner.date ?? outer.date };
}

/** Objects that describe the run they sit in (its metrics, shape, quality), not runs of their own. */
const PART_OF_RUN = new Set([...METRIC_OBJECTS, ...MEAN_OBJECTS, ...SHAPE_OBJECTS, 'quality', 'quality_policy', 'quality_gates', 'correctness', 'model', 'hardware', 'engine', 'software', 'env', 'environment', 'localmaxxing', 'localMaxxing']);

/**
 * Runs nested in the file under whatever name the experiment used (`runs`, `results`,
 * `shortScreens`, `sweep`, `single_b70_p0n128_r2.results`, a `baseline` object...): every array
 * element and every nested object that states a throughput, a status or an id is one run.
 */
function nestedRuns(path: string, object: Json, prefix: string, depth: number, top: Reading, result: ReaderResult): number {
	const context = top;
	let found = 0;
	for (const [key, value] of Object.entries(object)) {
		if (PART_OF_RUN.has(key) || REPEAT_ARRAYS.includes(key) || words(key).some((part) => part === 'warmup' || part === 'warmups')) continue;
		if (isRepeatList(object, value)) continue;
		if (Array.isArray(value)) {
			const objects = value.filter(isObject);
			if (!objects.length) continue;
			let unread = 0;
			value.forEach((element, index) => {
				if (!isObject(element)) return;
				const elementPath = `${prefix}${key}[${index}]`;
				const run = readRun(path, element, `${elementPath}.`);
				const nested = depth < 3 ? nestedRuns(path, element, `${elementPath}.`, depth + 1, within(context, run), result) : 0;
				found += nested;
				if (!run.hasThroughput && !run.statuses.length && !run.ids.length) {
					if (!nested) unread++;
					return;
				}
				found++;
				result.observations.push(toObservation(path, { ...run, title: run.title ?? elementPath }, context));
			});
			// Arrays of notes or commands are not runs; only report arrays where some elements were runs.
			if (unread && unread < objects.length) result.skipped.push({ path, reason: `${prefix}${key}: ${unread} of ${value.length} elements state no throughput, status or LocalMaxxing id under known keys` });
		} else if (isObject(value) && depth < 3) {
			const run = readRun(path, value, `${prefix}${key}.`);
			if (run.hasThroughput) {
				found++;
				result.observations.push(toObservation(path, { ...run, title: run.title ?? `${prefix}${key}` }, context, !REFERENCE_BLOCK.test(key)));
			}
			found += nestedRuns(path, value, `${prefix}${key}.`, depth + 1, within(context, run), result);
		}
	}
	return found;
}

/**
 * A file whose top level gives a verdict (`status: "quality_passed_no_uplift"`, `quality_gate`) but
 * no figures, around one run of its own (`candidate: { throughput }`, beside a `baseline`): the
 * verdict is that run's. The run keeps what it states itself.
 */
function foldInto(run: RunObservation, top: RunObservation): void {
	for (const claim of top.claims) if (!run.claims.some((existing) => existing.field === claim.field)) run.claims.push(claim);
	run.statuses.push(...top.statuses);
	run.date ??= top.date;
}

/**
 * `corrected_2026_05_14: { status: "invalidated_for_quality", reason }`, `erratum: { status }`: a
 * later correction written into the file, dated by its key or its own date field.
 */
function corrections(path: string, object: Json): RunObservation['statuses'] {
	const out: RunObservation['statuses'] = [];
	for (const [key, value] of Object.entries(object)) {
		if (!/^(?:corrected|correction|corrections|erratum|errata)(?:$|[_-])/i.test(key) || !isObject(value) || typeof value.status !== 'string') continue;
		const status = statusCode(value.status);
		if (!status) continue;
		const keyDate = /(\d{4})[_-](\d{2})[_-](\d{2})/.exec(key);
		const date = dateOf(value.date) ?? dateOf(value.date_utc) ?? (keyDate ? `${keyDate[1]}-${keyDate[2]}-${keyDate[3]}` : undefined);
		out.push({ status, ...(date ? { date } : {}), basis: 'recorded', evidence: fieldEvidence(path, `${key}.status`) });
	}
	return out;
}

export function readDataSummary(path: string, text: string): ReaderResult {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return { observations: [], skipped: [{ path, reason: `is not valid JSON (${(error as Error).message})` }] };
	}
	if (!isObject(parsed)) return { observations: [], skipped: [{ path, reason: 'is not a JSON object (a list or value: no run summary to read)' }] };
	const result: ReaderResult = { observations: [], skipped: [] };
	const top = readRun(path, parsed, '');
	const nested = nestedRuns(path, parsed, '', 1, top, result);
	const topHasRun = top.hasThroughput || top.statuses.length > 0 || top.ids.length > 0;
	const own = result.observations.filter((observation) => observation.keys.files?.includes(path));
	// A LocalMaxxing id at the top names the file's headline run, which need not be the one nested run.
	const foldable = own.length === 1 && !top.hasThroughput && top.ids.every((id) => id === own[0].keys.localmaxxingId);
	const topSays = topHasRun || top.claims.some((claim) => claim.field === 'quality');
	if (topSays && foldable) foldInto(own[0], toObservation(path, top));
	else if (topHasRun) {
		result.observations.unshift(toObservation(path, top));
		own.unshift(result.observations[0]);
	}
	// A correction of the whole file holds for each of its own runs (not the baselines it cites).
	const fixes = corrections(path, parsed);
	for (const observation of own) observation.statuses.push(...fixes);
	// So do the guardrails the experiment states, at the top or in a block describing it (`experiment`).
	const guardrails = fileGuardrails(path, parsed);
	if (guardrails) for (const observation of own) if (!observation.claims.some((claim) => claim.field === 'quality')) observation.claims.push(guardrails);
	if (!topHasRun && !nested) {
		result.skipped.push({ path, reason: `no throughput, status or LocalMaxxing id under known keys (top-level keys: ${Object.keys(parsed).slice(0, 12).join(', ')})` });
	}
	return result;
}
