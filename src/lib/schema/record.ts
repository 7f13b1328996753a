/**
 * The record schema: one measured run, fully labeled.
 *
 * This module is the single source of truth for what a benchmark record is. The site build
 * (src/content.config.ts), the checks, the importers and the tests all use it, so a rule added
 * here is enforced everywhere at once.
 *
 * "Records need labels": a throughput number means nothing without the shape, hardware,
 * software, warmth, speculation and quality it was measured under. Every label is required.
 * Legacy material imported from the lab's history may say "not recorded" for a label it never
 * captured (and is then shown as incomplete); a new, measured record must state real values.
 */
import { z } from 'astro/zod';
import { formatProblems, validateWith, type SchemaGuide, type Validation } from './explain';

import { NOT_RECORDED, type NotRecorded } from './not-recorded';
export { NOT_RECORDED, type NotRecorded };

const notRecorded = z.literal(NOT_RECORDED);
/** A label that legacy (imported) records may leave as "not recorded". */
const label = <T extends z.ZodType>(schema: T) => z.union([schema, notRecorded]);

const text = z.string().trim().min(1);
/**
 * Upper bounds well above any real run, so a unit slip or a corrupt artifact (1e308 tok/s) is
 * refused instead of topping every ranking. zod 4 numbers already refuse NaN and Infinity.
 */
export const VALUE_BOUNDS = {
	tokPerS: 10_000_000,
	tokens: 1_000_000_000,
	gpuCount: 100_000,
	gb: 1_000_000,
	ms: 1_000_000_000,
	seconds: 100_000_000,
	watts: 10_000_000,
} as const;
const wholeCount = z.number().int().nonnegative().max(VALUE_BOUNDS.tokens);
const positiveWhole = z.number().int().positive().max(VALUE_BOUNDS.tokens);
const rate = z.number().positive().max(VALUE_BOUNDS.tokPerS);
const gigabytes = z.number().positive().max(VALUE_BOUNDS.gb);
const milliseconds = z.number().nonnegative().max(VALUE_BOUNDS.ms);

export const RECORD_STATUSES = [
	'promoted',
	'accepted',
	'candidate',
	'rejected',
	'negative',
	'blocked',
	'superseded',
	'suspect',
	'invalidated',
	'withdrawn',
	'historical',
] as const;
/** Where an imported record's label came from (see src/lib/lab/claims.ts). */
export const LABEL_BASES = ['recorded', 'stated', 'lane'] as const;
export const INTERCONNECT_KINDS = ['pcie', 'xe-link', 'nvlink', 'none-single-gpu', 'other'] as const;
export const QUALITY_METHODS = [
	'exact-token-hashes',
	'semantic-suite',
	'human-eval',
	'benchmark-score',
	// A verdict the source gives without naming the gates ("quality_passed", "quality-cleared").
	'gates-not-named',
	'guardrails',
	'not-checked',
] as const;
/**
 * Methods that carry no verdict: "not-checked" (nobody checked) and "guardrails" (the run changed
 * nothing that sets the output, as the lab states, and no gate result is recorded).
 */
export const VERDICTLESS_QUALITY_METHODS: ReadonlySet<string> = new Set(['guardrails', 'not-checked']);
export const ACCEPTED_MEANINGS = ['speculative-accepted', 'quality-accepted-after-retries'] as const;
export const WARMTH = ['warm', 'cold'] as const;
export const SOURCE_KINDS = ['measured', 'imported'] as const;

/** Throughput fields, each named for what it counts. Order is the order they are shown in. */
export const THROUGHPUT_FIELDS = [
	'outputTokPerS',
	'totalTokPerS',
	'prefillTokPerS',
	'acceptedTokPerS',
] as const;

export const LOCALMAXXING_ID = /^cm[a-z0-9]{23}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists: 2026-02-30 and 2026-13-45 do not (Date.parse rolls some of them over). */
const isCalendarDate = (value: string) => {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const isoDate = z
	.string()
	.regex(ISO_DATE, 'write the date as YYYY-MM-DD')
	.refine(isCalendarDate, 'is not a real calendar date');

/** The latest date a record may carry: a day after the clock's (time zones), none later. */
export function latestRecordDate(today: string): string {
	const next = new Date(`${today}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString().slice(0, 10);
}

const interconnectSchema = z
	.strictObject({
		kind: z.enum(INTERCONNECT_KINDS),
		generation: z.number().int().min(1).max(7).optional(),
		lanes: z.number().int().positive().optional(),
		detail: z.string().optional(),
	})
	.superRefine((value, ctx) => {
		if (value.kind !== 'pcie') return;
		if (value.generation === undefined) {
			ctx.addIssue({ code: 'custom', path: ['generation'], message: 'missing', params: { missing: true } });
		}
		if (value.lanes === undefined) {
			ctx.addIssue({ code: 'custom', path: ['lanes'], message: 'missing', params: { missing: true } });
		}
	});

const acceptedThroughputSchema = z.strictObject({
	value: rate,
	meaning: z.enum(ACCEPTED_MEANINGS),
});

/** One repeat of the run: the individual figures behind a reported mean. */
const repeatSchema = z
	.strictObject({
		outputTokPerS: rate.optional(),
		totalTokPerS: rate.optional(),
		prefillTokPerS: rate.optional(),
		ttftMs: milliseconds.optional(),
		elapsedS: z.number().nonnegative().max(VALUE_BOUNDS.seconds).optional(),
	})
	.refine(
		(value) => value.outputTokPerS ?? value.totalTokPerS ?? value.prefillTokPerS,
		{ message: 'a repeat needs at least one throughput', params: { needsThroughput: true } },
	);

const metricsSchema = z
	.strictObject({
		outputTokPerS: rate.optional(),
		totalTokPerS: rate.optional(),
		prefillTokPerS: rate.optional(),
		acceptedTokPerS: acceptedThroughputSchema.optional(),
		ttftMs: milliseconds.optional(),
		tpotMs: milliseconds.optional(),
		itlMs: milliseconds.optional(),
		repeats: z.array(repeatSchema).optional(),
		peakVramGb: gigabytes.optional(),
		watts: z.number().positive().max(VALUE_BOUNDS.watts).optional(),
		tokensPerJoule: rate.optional(),
	})
	.refine((value) => THROUGHPUT_FIELDS.some((field) => value[field] !== undefined), {
		message: 'has no throughput',
		params: { needsThroughput: true },
	});

const qualitySchema = z
	.strictObject({
		method: z.enum(QUALITY_METHODS),
		detail: text,
		passed: z.boolean().optional(),
	})
	.superRefine((value, ctx) => {
		if (VERDICTLESS_QUALITY_METHODS.has(value.method) && value.passed !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['passed'],
				message: value.method === 'not-checked'
					? 'cannot be set when method is "not-checked": a run nobody checked neither passed nor failed. Remove passed'
					: 'cannot be set when method is "guardrails": guardrails say what the change kept fixed, not a gate\'s verdict. Remove passed, or name the gate as the method',
			});
		}
		if (!VERDICTLESS_QUALITY_METHODS.has(value.method) && value.passed === undefined) {
			ctx.addIssue({ code: 'custom', path: ['passed'], message: 'missing', params: { missing: true } });
		}
	});

const speculationSchema = z
	.strictObject({
		enabled: z.boolean(),
		method: text.optional(),
		draftModel: text.optional(),
		acceptancePercent: z.number().min(0).max(100).optional(),
	})
	.superRefine((value, ctx) => {
		if (value.enabled && value.method === undefined) {
			ctx.addIssue({ code: 'custom', path: ['method'], message: 'missing', params: { missing: true } });
		}
		if (!value.enabled) {
			for (const key of ['method', 'draftModel', 'acceptancePercent'] as const) {
				if (value[key] !== undefined) {
					ctx.addIssue({
						code: 'custom',
						path: [key],
						message: 'only applies when speculation.enabled is true. Remove it or set enabled: true',
					});
				}
			}
		}
	});

const tuningSchema = z
	.strictObject({
		changed: z.boolean(),
		detail: text.optional(),
	})
	.superRefine((value, ctx) => {
		if (value.changed && value.detail === undefined) {
			ctx.addIssue({ code: 'custom', path: ['detail'], message: 'missing', params: { missing: true } });
		}
	});

const artifactSchema = z.strictObject({
	path: text,
	format: text.optional(),
	description: text.optional(),
});

/**
 * Where a label or a status was read: a structured field (file + jsonPath), a sentence (file +
 * line + quote), or a lane's protocol (lane). Imported records carry one per label they state.
 */
const evidenceSchema = z.strictObject({
	basis: z.enum(LABEL_BASES),
	file: text,
	jsonPath: z.string().optional(),
	line: z.number().int().positive().optional(),
	quote: z.string().optional(),
	lane: text.optional(),
});

/** "valid": cleared again after a doubt; the run takes back the status it had before it. */
export const HISTORY_STATUSES = [...RECORD_STATUSES, 'valid'] as const;

const statusEntrySchema = z.strictObject({
	status: z.enum(HISTORY_STATUSES),
	date: isoDate.optional(),
	source: evidenceSchema,
});

/** Two sources that state different values for one label: kept and shown, never averaged away. */
const conflictSchema = z.strictObject({
	label: text,
	values: z.array(z.strictObject({ value: z.unknown(), source: evidenceSchema })).min(2),
});

const recordObject = z.strictObject({
	$schema: z.string().optional(),
	title: text,
	date: isoDate,
	track: text,
	status: z.enum(RECORD_STATUSES),
	model: z.strictObject({
		id: label(text),
		quantization: label(text),
	}),
	hardware: z.strictObject({
		gpu: label(text),
		gpuCount: label(z.number().int().positive().max(VALUE_BOUNDS.gpuCount)),
		vramGbPerGpu: label(gigabytes),
		cpu: label(text),
		ramGb: label(gigabytes),
		interconnect: label(interconnectSchema),
	}),
	software: z
		.strictObject({
			os: label(text),
			kernel: label(text),
			driver: label(text),
			engine: z.strictObject({ name: label(text), version: label(text) }),
			recipe: label(text).optional(),
			commit: label(text).optional(),
		})
		.superRefine(
			(value, ctx) => {
				if (value?.recipe === undefined && value?.commit === undefined) {
					ctx.addIssue({ code: 'custom', path: ['recipe'], message: 'missing', params: { missing: true } });
				}
			},
			// Report "recipe or commit" together with the other missing software labels.
			{ when: () => true },
		),
	shape: z.strictObject({
		promptTokens: label(wholeCount),
		outputTokens: label(wholeCount),
		contextLength: label(positiveWhole),
		batchSize: label(positiveWhole),
		concurrency: label(positiveWhole),
	}),
	metrics: metricsSchema,
	quality: label(qualitySchema),
	speculation: label(speculationSchema),
	warmth: label(z.enum(WARMTH)),
	tuning: label(tuningSchema),
	notes: z.string().optional(),
	artifacts: z.array(artifactSchema).default([]),
	localmaxxingId: z.string().regex(LOCALMAXXING_ID, 'is not a LocalMaxxing id (cm + 23 lowercase letters or digits)').optional(),
	source: z.strictObject({
		kind: z.enum(SOURCE_KINDS),
		from: text,
	}),
	/** The benchmark lane (data/lanes.json) the record is ranked in. */
	lane: text.optional(),
	/** Imported records: where each label came from, by label path (`shape.promptTokens`, `quality`...). */
	labelSources: z.record(z.string(), evidenceSchema).optional(),
	/** Imported records: what became of the run over time, oldest first; `status` is the last entry's. */
	statusHistory: z.array(statusEntrySchema).optional(),
	/** Imported records: labels on which the sources disagree. */
	conflicts: z.array(conflictSchema).optional(),
	/** Imported records: every lab file that describes this run. */
	sources: z.array(text).optional(),
	/** Imported records: gains the sources state for this run, so computed gains can be checked against them. */
	statedGains: z
		.array(
			z.strictObject({
				percent: z.number(),
				/** The reference's figure when the sentence prints one, else its words. */
				against: z.union([z.number(), z.string()]),
				metric: z.enum(['output', 'total']).optional(),
				source: evidenceSchema,
			}),
		)
		.optional(),
	/** Imported records: the reference the sources compare this run with ("87.1 vs 88.7 baseline"). */
	comparedWith: z
		.strictObject({
			outputTokPerS: z.number().optional(),
			totalTokPerS: z.number().optional(),
			label: z.string().optional(),
			localmaxxingId: z.string().optional(),
			source: evidenceSchema,
		})
		.optional(),
});
export type LabelEvidence = z.output<typeof evidenceSchema>;
export type StatusEntry = z.output<typeof statusEntrySchema>;

export const recordSchema = recordObject.superRefine(
	(record, ctx) => {
		// Runs even when other labels failed (`when` below), so a contributor sees every problem in
		// one pass; the record may therefore be partly invalid here.
		if ((record as { source?: { kind?: unknown } })?.source?.kind !== 'measured') return;
		for (const path of notRecordedPaths(record)) {
			ctx.addIssue({ code: 'custom', path, message: 'not recorded', params: { notRecordedInMeasured: true } });
		}
	},
	{ when: () => true },
);

export type LabRecord = z.output<typeof recordSchema>;
export type LabRecordInput = z.input<typeof recordSchema>;

/** Paths (as key arrays) of every label a record leaves "not recorded". */
export function notRecordedPaths(value: unknown, prefix: string[] = []): string[][] {
	if (value === NOT_RECORDED) return [prefix];
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
	return Object.entries(value).flatMap(([key, child]) => notRecordedPaths(child, [...prefix, key]));
}

/** The labels an imported record never captured, as dotted paths, e.g. `hardware.interconnect`. */
export function missingLabels(record: LabRecord): string[] {
	return notRecordedPaths(record).map((path) => path.join('.'));
}

export const isRecorded = <T>(value: T | NotRecorded | undefined): value is T =>
	value !== undefined && value !== NOT_RECORDED;

// ---- Explaining a refused record ----

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
	quality: `quality: { method: ${oneOf(QUALITY_METHODS)}, detail, passed: true | false } (method "not-checked" if nobody checked, "guardrails" if only what the change kept fixed is known, both without passed; "gates-not-named" for a verdict whose gates nobody wrote down)`,
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

export const RECORD_GUIDE: SchemaGuide = { schema: recordSchema, hints: WHAT_TO_WRITE };

export type RecordValidation = Validation<LabRecord>;

/** Validates one record; `file` is the path shown to the contributor (relative to the lab root). */
/**
 * Validates one record; `file` is the path shown to the contributor (relative to the lab root).
 * `today` is the clock's date (the build's, passed in; today's by default): a record dated more
 * than a day after it is refused, since no run has happened yet on that day.
 */
export function validateRecord(input: unknown, file: string, { today = new Date().toISOString().slice(0, 10) }: { today?: string } = {}): RecordValidation {
	const result = validateWith(RECORD_GUIDE, input, file, 'a record object') as RecordValidation;
	const date = (input as { date?: unknown } | null)?.date;
	if (typeof date !== 'string' || !ISO_DATE.test(date) || !isCalendarDate(date) || date <= latestRecordDate(today)) return result;
	const problem = { field: 'date', message: `is ${date}, after today (${today}). Write the date the run was made, as YYYY-MM-DD.` };
	const problems = [...(result.ok ? [] : result.problems), problem];
	return { ok: false, problems, message: formatProblems(file, problems) };
}

/**
 * Every label a record must state, as dotted paths, read from the schema itself: groups
 * (model, hardware, software, shape) are expanded, labels that are objects (quality,
 * speculation, interconnect...) are one label each. Used to say exactly what is missing.
 */
export function requiredLabelPaths(): string[] {
	const walk = (schema: z.core.$ZodType, prefix: string): string[] => {
		const def = schema._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType> };
		if (def.type !== 'object' || !def.shape) return [prefix];
		return Object.entries(def.shape)
			.filter(([, child]) => !['optional', 'default'].includes((child._zod.def as { type: string }).type))
			.flatMap(([key, child]) => walk(child, prefix ? `${prefix}.${key}` : key));
	};
	return walk(recordObject, '');
}
