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

/** The one spelling of "this label was never captured". Only imported records may use it. */
export const NOT_RECORDED = 'not recorded';
export type NotRecorded = typeof NOT_RECORDED;

const notRecorded = z.literal(NOT_RECORDED);
/** A label that legacy (imported) records may leave as "not recorded". */
const label = <T extends z.ZodType>(schema: T) => z.union([schema, notRecorded]);

const text = z.string().trim().min(1);
const wholeCount = z.number().int().nonnegative();
const positiveWhole = z.number().int().positive();
const rate = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const RECORD_STATUSES = [
	'promoted',
	'candidate',
	'rejected',
	'negative',
	'blocked',
	'historical',
] as const;
export const INTERCONNECT_KINDS = ['pcie', 'xe-link', 'nvlink', 'none-single-gpu', 'other'] as const;
export const QUALITY_METHODS = [
	'exact-token-hashes',
	'semantic-suite',
	'human-eval',
	'benchmark-score',
	'not-checked',
] as const;
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

const isoDate = z
	.string()
	.regex(ISO_DATE, 'write the date as YYYY-MM-DD')
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a real calendar date');

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
		ttftMs: nonNegative.optional(),
		elapsedS: nonNegative.optional(),
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
		ttftMs: nonNegative.optional(),
		tpotMs: nonNegative.optional(),
		itlMs: nonNegative.optional(),
		repeats: z.array(repeatSchema).optional(),
		peakVramGb: rate.optional(),
		watts: rate.optional(),
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
		if (value.method === 'not-checked' && value.passed !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['passed'],
				message: 'cannot be set when method is "not-checked": a run nobody checked neither passed nor failed. Remove passed',
			});
		}
		if (value.method !== 'not-checked' && value.passed === undefined) {
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
		gpuCount: label(positiveWhole),
		vramGbPerGpu: label(rate),
		cpu: label(text),
		ramGb: label(rate),
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
		.superRefine((value, ctx) => {
			if (value.recipe === undefined && value.commit === undefined) {
				ctx.addIssue({ code: 'custom', path: ['recipe'], message: 'missing', params: { missing: true } });
			}
		}),
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
});

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
