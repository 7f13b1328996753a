/**
 * Turns zod issues on a record into messages a contributor can act on: the file, the field,
 * what was found and what to write instead. Errors are a feature: these messages are what a
 * person sees when the build or `npm run check` refuses their record, so tests pin the wording.
 */
import type { z } from 'astro/zod';
import {
	ACCEPTED_MEANINGS,
	INTERCONNECT_KINDS,
	QUALITY_METHODS,
	RECORD_STATUSES,
	recordSchema,
	type LabRecord,
} from './record';

export interface RecordProblem {
	/** Dotted path of the field, e.g. `metrics.outputTokPerS` (array items as `repeats.0`). */
	field: string;
	message: string;
}

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

const oneOf = (values: readonly string[]) => values.join(' | ');

/**
 * What to write for each label. Keys are dotted paths with array indices replaced by `[]`.
 * Every required label has an entry, so "is missing" always comes with an example.
 */
const WHAT_TO_WRITE: Record<string, string> = {
	title: 'a short title, e.g. "MiniMax M2.7 INT4 strict p512/n1536 on 4x B70"',
	date: 'the date of the run as YYYY-MM-DD',
	track: 'the line of work this run belongs to, e.g. "minimax-m27-vllm-xpu"',
	status: `one of: ${oneOf(RECORD_STATUSES)}`,
	model: 'model: { id, quantization }',
	'model.id': 'the model id, e.g. the Hugging Face id "Lasimeri/MiniMax-M2.7-int4-AutoRound"',
	'model.quantization': 'the exact quantization, e.g. "AutoRound INT4 W4A16"',
	hardware: 'hardware: { gpu, gpuCount, vramGbPerGpu, cpu, ramGb, interconnect }',
	'hardware.gpu': 'the GPU name, e.g. "Intel Arc Pro B70 32GB"',
	'hardware.gpuCount': 'the number of GPUs used by the run, e.g. 4',
	'hardware.vramGbPerGpu': 'the VRAM of one card in GB, e.g. 32',
	'hardware.cpu': 'the CPU model, e.g. "AMD EPYC 9015 8-Core Processor"',
	'hardware.ramGb': 'the system RAM in GB, e.g. 128',
	'hardware.interconnect': `interconnect: { kind: ${oneOf(INTERCONNECT_KINDS)} }, with generation and lanes for pcie, e.g. { "kind": "pcie", "generation": 4, "lanes": 16 }`,
	'hardware.interconnect.kind': `one of: ${oneOf(INTERCONNECT_KINDS)}`,
	'hardware.interconnect.generation': 'the PCIe generation as a number, e.g. 4 for PCIe 4.0',
	'hardware.interconnect.lanes': 'the PCIe lane width as a number, e.g. 16 for x16',
	software: 'software: { os, kernel, driver, engine: { name, version }, recipe or commit }',
	'software.os': 'the operating system, e.g. "Ubuntu 24.04.4 LTS"',
	'software.kernel': 'the kernel version, e.g. "6.17.0-23-generic"',
	'software.driver': 'the driver/runtime stack, e.g. "Level Zero 1.21, oneAPI 2025.3, PyTorch 2.9 XPU"',
	'software.engine': 'engine: { name, version }',
	'software.engine.name': 'the engine, e.g. "vllm", "llama.cpp" or "openvino"',
	'software.engine.version': 'the exact engine version or build, e.g. "0.20.1-local" or "b6100 (db44417)"',
	'software.recipe': 'the recipe folder (e.g. "repro/minimax-m27-b70-ubuntu24") or a commit in software.commit',
	'software.commit': 'the commit the run was made from',
	shape: 'shape: { promptTokens, outputTokens, contextLength, batchSize, concurrency }',
	'shape.promptTokens': 'the prompt length in tokens, e.g. 512',
	'shape.outputTokens': 'the output length in tokens, e.g. 1536',
	'shape.contextLength': 'the context length the engine was started with, e.g. 2048',
	'shape.batchSize': 'the batch size, e.g. 1',
	'shape.concurrency': 'the number of simultaneous requests, e.g. 1',
	metrics:
		'metrics with at least one of outputTokPerS (generated tokens only), totalTokPerS (prompt + generated), prefillTokPerS (prompt tokens only) or acceptedTokPerS',
	'metrics.outputTokPerS': 'generated tokens per second, a number greater than 0',
	'metrics.totalTokPerS': 'prompt + generated tokens per second, a number greater than 0',
	'metrics.prefillTokPerS': 'prompt tokens per second, a number greater than 0',
	'metrics.acceptedTokPerS': `acceptedTokPerS: { value, meaning: ${oneOf(ACCEPTED_MEANINGS)} }`,
	'metrics.acceptedTokPerS.value': 'accepted tokens per second, a number greater than 0',
	'metrics.acceptedTokPerS.meaning': `one of: ${oneOf(ACCEPTED_MEANINGS)}`,
	'metrics.repeats[]':
		'one object per repeat with at least one of outputTokPerS, totalTokPerS or prefillTokPerS',
	quality: `quality: { method: ${oneOf(QUALITY_METHODS)}, detail, passed: true | false } (method "not-checked" if nobody checked, without passed)`,
	'quality.method': `one of: ${oneOf(QUALITY_METHODS)}`,
	'quality.detail': 'what was checked and how, e.g. "raw145 exact token hashes at n64/n256"',
	'quality.passed': 'true or false: did the run pass its quality check',
	speculation: 'speculation: { enabled: false }, or { enabled: true, method, draftModel, acceptancePercent }',
	'speculation.enabled': 'true or false: was draft/speculative decoding on',
	'speculation.method': 'the speculative method, e.g. "ngram" or "draft-model"',
	'speculation.acceptancePercent': 'the draft acceptance rate in percent, 0 to 100',
	warmth: 'warm (after model load, graph capture and compiler caches) or cold',
	tuning: 'tuning: { changed: false }, or { changed: true, detail } if power limits, clocks or cooling were changed',
	'tuning.changed': 'true or false: were power limits, clocks or cooling changed',
	'tuning.detail': 'what was changed, e.g. "power limit 200 W per card"',
	'artifacts[].path': 'a repository path or an https URL of the artifact',
	localmaxxingId: 'the LocalMaxxing id: cm followed by 23 lowercase letters or digits',
	source: 'source: { kind: measured | imported, from }',
	'source.kind': 'measured (a new run) or imported (legacy material)',
	'source.from': 'where the record came from: the artifact path, or the legacy file it was imported from',
};

const NAKED_THROUGHPUT = new Set([
	'toks',
	'tokps',
	'tokpers',
	'tokpersec',
	'tokpersecond',
	'tokenspers',
	'tokenspersec',
	'tokenspersecond',
	'tps',
	'throughput',
]);

/** LocalMaxxing and vLLM spell these differently; people copy them into records. */
const KNOWN_ALIASES: Record<string, string> = {
	toksout: 'outputTokPerS',
	outputtoks: 'outputTokPerS',
	outputthroughput: 'outputTokPerS',
	tokstotal: 'totalTokPerS',
	totaltoks: 'totalTokPerS',
	totaltokenthroughput: 'totalTokPerS',
	toksprefill: 'prefillTokPerS',
	prefilltoks: 'prefillTokPerS',
	hfid: 'id',
	gpuname: 'gpu',
	vramgb: 'vramGbPerGpu',
	enginename: 'name',
	engineversion: 'version',
};

const normalize = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isNakedThroughputKey(key: string): boolean {
	return NAKED_THROUGHPUT.has(normalize(key));
}

function hintKey(path: Path): string {
	return path.map((part) => (typeof part === 'number' ? '[]' : String(part))).join('.').replace(/\.\[\]/g, '[]');
}

const dotted = (path: Path) => path.map(String).join('.');

function valueAt(input: unknown, path: Path): unknown {
	let current: unknown = input;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[part];
	}
	return current;
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" (text)`;
	return `${String(value)} (${typeof value})`;
}

function whatToWrite(path: Path): string | undefined {
	return WHAT_TO_WRITE[hintKey(path)];
}

function missing(path: Path): RecordProblem {
	const hint = whatToWrite(path);
	return { field: dotted(path), message: hint ? `is missing. Write ${hint}.` : 'is missing.' };
}

function levenshtein(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** The keys the schema accepts at a path, found by walking the schema itself. */
function knownKeysAt(path: Path): string[] {
	let schema: z.core.$ZodType | undefined = recordSchema;
	const unwrap = (s: z.core.$ZodType): z.core.$ZodType | undefined => {
		const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
			return unwrap(def.innerType as z.core.$ZodType);
		}
		if (def.type === 'union') {
			const options = def.options as z.core.$ZodType[];
			return options.map(unwrap).find((option) => option && option._zod.def.type !== 'literal');
		}
		return s;
	};
	for (const part of path) {
		schema = schema && unwrap(schema);
		if (!schema) return [];
		const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
		if (def.type === 'array') schema = def.element as z.core.$ZodType;
		else if (def.type === 'object') schema = (def.shape as Record<string, z.core.$ZodType>)[String(part)];
		else return [];
	}
	schema = schema && unwrap(schema);
	if (!schema || schema._zod.def.type !== 'object') return [];
	return Object.keys((schema._zod.def as unknown as { shape: object }).shape);
}

function unknownKey(parent: Path, key: string): RecordProblem {
	const field = dotted([...parent, key]);
	if (isNakedThroughputKey(key)) {
		const prefix = dotted(parent) === 'metrics' ? '' : 'metrics.';
		return {
			field,
			message: `is not a label. Use ${prefix}outputTokPerS (generated tokens only) or ${prefix}totalTokPerS (prompt + generated).`,
		};
	}
	const known = knownKeysAt(parent);
	const alias = KNOWN_ALIASES[normalize(key)];
	const closest =
		(alias && known.includes(alias) ? alias : undefined) ??
		known.find((candidate) => normalize(candidate) === normalize(key)) ??
		known
			.map((candidate) => ({ candidate, distance: levenshtein(normalize(candidate), normalize(key)) }))
			.filter(({ distance }) => distance <= 2)
			.sort((a, b) => a.distance - b.distance)[0]?.candidate;
	if (closest) return { field, message: `is not a label. Did you mean ${closest}?` };
	return {
		field,
		message: known.length
			? `is not a label. Labels here: ${known.filter((name) => name !== '$schema').join(', ')}.`
			: 'is not a label.',
	};
}

function describeIssue(issue: Issue, input: unknown, base: Path): RecordProblem[] {
	const path = [...base, ...issue.path];
	const found = valueAt(input, path);
	const params = (issue as { params?: Record<string, unknown> }).params ?? {};

	switch (issue.code) {
		case 'unrecognized_keys':
			return issue.keys.map((key) => unknownKey(path, key));
		case 'invalid_union': {
			if (found === undefined) return [missing(path)];
			// Labels are `value | "not recorded"`: explain the real branch, not the literal.
			const branch = issue.errors.find(
				(branchIssues) =>
					!branchIssues.every((inner) => inner.code === 'invalid_value' && inner.values.includes('not recorded')),
			);
			return (branch ?? issue.errors[0] ?? []).flatMap((inner) => describeIssue(inner, input, path));
		}
		case 'invalid_type': {
			if (found === undefined) return [missing(path)];
			const expected = issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
			const hint = whatToWrite(path);
			return [
				{
					field: dotted(path),
					message: `is ${describeValue(found)}; expected ${expected}.${hint ? ` Write ${hint}.` : ''}`,
				},
			];
		}
		case 'invalid_value':
			if (found === undefined) return [missing(path)];
			return [
				{
					field: dotted(path),
					message: `is ${describeValue(found)}; write one of: ${issue.values.map(String).join(', ')}.`,
				},
			];
		case 'too_small':
		case 'too_big': {
			if (typeof found === 'string' && issue.code === 'too_small') {
				const hint = whatToWrite(path);
				return [{ field: dotted(path), message: `is empty.${hint ? ` Write ${hint}.` : ''}` }];
			}
			const comparison = issue.code === 'too_small' ? 'at least' : 'at most';
			const exclusive = issue.code === 'too_small' ? 'greater than' : 'less than';
			const bound = `${issue.inclusive ? comparison : exclusive} ${String(
				issue.code === 'too_small' ? issue.minimum : issue.maximum,
			)}`;
			return [{ field: dotted(path), message: `is ${describeValue(found)}; it must be ${bound}.` }];
		}
		case 'custom': {
			if (params.missing) return [missing(path)];
			if (params.needsThroughput) {
				const hint = whatToWrite(path.length && typeof path.at(-1) === 'number' ? path : ['metrics']);
				return [{ field: dotted(path), message: `has no throughput. Write ${hint}.` }];
			}
			if (params.notRecordedInMeasured) {
				const hint = whatToWrite(path);
				return [
					{
						field: dotted(path),
						message: `is "not recorded", which only imported legacy records (source.kind: imported) may say. Write the measured value${hint ? `: ${hint}` : ''}.`,
					},
				];
			}
			return [{ field: dotted(path), message: `${issue.message}.` }];
		}
		case 'invalid_format':
			return [{ field: dotted(path), message: `is ${describeValue(found)}; ${issue.message}.` }];
		default:
			return [{ field: dotted(path), message: `is ${describeValue(found)}: ${issue.message}.` }];
	}
}

/** Readable problems for a failed parse, in the order the fields appear. */
export function describeRecordIssues(issues: readonly Issue[], input: unknown): RecordProblem[] {
	const problems = issues.flatMap((issue) => describeIssue(issue, input, []));
	const seen = new Set<string>();
	return problems.filter((problem) => {
		const key = `${problem.field} ${problem.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** One line per problem: `data/records/x.json: metrics.tokPerS is not a label. ...` */
export function formatRecordProblems(file: string, problems: readonly RecordProblem[]): string {
	return problems
		.map((problem) => `${file}: ${problem.field ? `${problem.field} ` : ''}${problem.message}`)
		.join('\n');
}

export type RecordValidation =
	| { ok: true; record: LabRecord }
	| { ok: false; problems: RecordProblem[]; message: string };

/** Validates one record; `file` is the path shown to the contributor (relative to the lab root). */
export function validateRecord(input: unknown, file: string): RecordValidation {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		const problems = [{ field: '', message: `is ${describeValue(input)}, not a record object.` }];
		return { ok: false, problems, message: formatRecordProblems(file, problems) };
	}
	const result = recordSchema.safeParse(input);
	if (result.success) return { ok: true, record: result.data };
	const problems = describeRecordIssues(result.error.issues, input);
	return { ok: false, problems, message: formatRecordProblems(file, problems) };
}
