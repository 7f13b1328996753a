import { describe, expect, it } from 'vitest';
import { missingLabels, NOT_RECORDED, recordSchema, validateRecord } from '../../src/lib/schema/record';

import { completeRecord, without, withValue } from '../support/records';

const FILE = 'data/records/x.json';

function messageFor(input: unknown): string {
	const result = validateRecord(input, FILE);
	if (result.ok) throw new Error('expected the record to be refused');
	return result.message;
}

describe('record schema: a complete record', () => {
	it('accepts a fully labeled measured record', () => {
		const result = validateRecord(completeRecord(), FILE);
		expect(result.ok).toBe(true);
	});

	it('accepts a recipe or a commit as provenance', () => {
		const withCommit = withValue(without(completeRecord(), 'software.recipe'), 'software.commit', 'db44417');
		expect(validateRecord(withCommit, FILE).ok).toBe(true);
	});

	it('accepts "not-checked" quality without a passed flag', () => {
		const record = withValue(completeRecord(), 'quality', { method: 'not-checked', detail: 'smoke run only' });
		expect(validateRecord(record, FILE).ok).toBe(true);
	});
});

describe('record schema: every label is required', () => {
	const REQUIRED = [
		'title',
		'date',
		'track',
		'status',
		'model.id',
		'model.quantization',
		'hardware.gpu',
		'hardware.gpuCount',
		'hardware.vramGbPerGpu',
		'hardware.cpu',
		'hardware.ramGb',
		'hardware.interconnect',
		'hardware.interconnect.generation',
		'hardware.interconnect.lanes',
		'software.os',
		'software.kernel',
		'software.driver',
		'software.engine.name',
		'software.engine.version',
		'software.recipe',
		'shape.promptTokens',
		'shape.outputTokens',
		'shape.contextLength',
		'shape.batchSize',
		'shape.concurrency',
		'quality',
		'quality.passed',
		'speculation',
		'warmth',
		'tuning',
		'source',
	];

	it.each(REQUIRED)('refuses a record without %s, naming the file and field', (field) => {
		const message = messageFor(without(completeRecord(), field));
		expect(message).toContain(`${FILE}: ${field} is missing. Write `);
	});

	it('pins the wording for a missing quality label', () => {
		expect(messageFor(without(completeRecord(), 'quality'))).toMatchInlineSnapshot(
			`"data/records/x.json: quality is missing. Write quality: { method: exact-token-hashes | semantic-suite | human-eval | benchmark-score | gates-not-named | guardrails | not-checked, detail, passed: true | false } (method "not-checked" if nobody checked, "guardrails" if only what the change kept fixed is known, both without passed; "gates-not-named" for a verdict whose gates nobody wrote down)."`,
		);
	});

	it('pins the wording for a missing warmth label', () => {
		expect(messageFor(without(completeRecord(), 'warmth'))).toMatchInlineSnapshot(
			`"data/records/x.json: warmth is missing. Write warm (after model load, graph capture and compiler caches) or cold."`,
		);
	});

	it('refuses a record with no throughput at all', () => {
		expect(messageFor(withValue(completeRecord(), 'metrics', { ttftMs: 120 }))).toMatchInlineSnapshot(
			`"data/records/x.json: metrics has no throughput. Write metrics with at least one of outputTokPerS (generated tokens only), totalTokPerS (prompt + generated), prefillTokPerS (prompt tokens only) or acceptedTokPerS."`,
		);
	});

	it('asks for the method when speculation is enabled', () => {
		const message = messageFor(withValue(completeRecord(), 'speculation', { enabled: true }));
		expect(message).toContain(`${FILE}: speculation.method is missing.`);
	});

	it('asks what was tuned when tuning changed', () => {
		const message = messageFor(withValue(completeRecord(), 'tuning', { changed: true }));
		expect(message).toContain(`${FILE}: tuning.detail is missing.`);
	});

	it('reports every problem in one pass', () => {
		const broken = without(without(completeRecord(), 'warmth'), 'quality');
		const result = validateRecord(broken, FILE);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['quality', 'warmth']);
	});
});

describe('record schema: no naked tok/s', () => {
	it.each(['tokPerS', 'tok_s', 'tokens_per_second', 'tps'])('refuses metrics.%s', (key) => {
		const record = withValue(completeRecord(), `metrics.${key}`, 80.6);
		expect(messageFor(record)).toBe(
			`${FILE}: metrics.${key} is not a label. Use outputTokPerS (generated tokens only) or totalTokPerS (prompt + generated).`,
		);
	});

	it('refuses a naked tok/s at the top level, pointing into metrics', () => {
		expect(messageFor(withValue(completeRecord(), 'tokPerS', 80.6))).toMatchInlineSnapshot(
			`"data/records/x.json: tokPerS is not a label. Use metrics.outputTokPerS (generated tokens only) or metrics.totalTokPerS (prompt + generated)."`,
		);
	});

	it('suggests the label a misspelled key was meant to be', () => {
		expect(messageFor(withValue(completeRecord(), 'hardware.gpuCout', 4))).toContain(
			`${FILE}: hardware.gpuCout is not a label. Did you mean gpuCount?`,
		);
		expect(messageFor(withValue(completeRecord(), 'metrics.tokSOut', 80))).toContain(
			`${FILE}: metrics.tokSOut is not a label. Did you mean outputTokPerS?`,
		);
	});

	it('refuses negative and zero throughput', () => {
		expect(messageFor(withValue(completeRecord(), 'metrics.outputTokPerS', -3))).toBe(
			`${FILE}: metrics.outputTokPerS is -3 (number); it must be greater than 0.`,
		);
	});
});

describe('record schema: wrong values say what to write', () => {
	it('names the allowed values of an enum', () => {
		expect(messageFor(withValue(completeRecord(), 'warmth', 'hot'))).toMatchInlineSnapshot(
			`"data/records/x.json: warmth is "hot" (text); write one of: warm, cold."`,
		);
	});

	it('refuses a number written as text', () => {
		expect(messageFor(withValue(completeRecord(), 'shape.promptTokens', '512'))).toMatchInlineSnapshot(
			`"data/records/x.json: shape.promptTokens is "512" (text); expected a number. Write the prompt length in tokens, e.g. 512."`,
		);
	});

	it('refuses a malformed LocalMaxxing id', () => {
		expect(messageFor(withValue(completeRecord(), 'localmaxxingId', 'cmNOTANID'))).toContain(
			`${FILE}: localmaxxingId is "cmNOTANID" (text); is not a LocalMaxxing id`,
		);
	});

	it('refuses a passed flag on an unchecked run', () => {
		const record = withValue(completeRecord(), 'quality', { method: 'not-checked', detail: 'none', passed: true });
		expect(messageFor(record)).toContain(`${FILE}: quality.passed cannot be set when method is "not-checked"`);
	});
});

describe('record schema: "not recorded" is for imported records only', () => {
	const legacy = () =>
		withValue(
			withValue(withValue(completeRecord(), 'warmth', NOT_RECORDED), 'hardware.interconnect', NOT_RECORDED),
			'source',
			{ kind: 'imported', from: 'data/localmaxxing-x.payload.json' },
		);

	it('accepts "not recorded" in an imported record and lists what is missing', () => {
		const result = recordSchema.safeParse(legacy());
		expect(result.success).toBe(true);
		if (result.success) expect(missingLabels(result.data)).toEqual(['hardware.interconnect', 'warmth']);
	});

	it('refuses "not recorded" in a measured record', () => {
		const record = withValue(legacy(), 'source', { kind: 'measured', from: 'results/run.json' });
		expect(messageFor(record)).toMatchInlineSnapshot(`
			"data/records/x.json: hardware.interconnect is "not recorded", which only imported legacy records (source.kind: imported) may say. Write the measured value: interconnect: { kind: pcie | xe-link | nvlink | none-single-gpu | other }, with generation and lanes for pcie, e.g. { "kind": "pcie", "generation": 4, "lanes": 16 }.
			data/records/x.json: warmth is "not recorded", which only imported legacy records (source.kind: imported) may say. Write the measured value: warm (after model load, graph capture and compiler caches) or cold."
		`);
	});

	it('never accepts "not recorded" for a metric', () => {
		const record = withValue(legacy(), 'metrics.outputTokPerS', NOT_RECORDED);
		expect(messageFor(record)).toContain(`${FILE}: metrics.outputTokPerS is "not recorded" (text); expected a number.`);
	});
});

describe('record schema: not a record at all', () => {
	it('refuses an array with a clear message', () => {
		expect(messageFor([1, 2])).toBe(`${FILE}: is a list, not a record object.`);
	});
});

describe('absurd values', () => {
	const problemsOf = (record: Record<string, unknown>, today = '2026-05-23') => {
		const result = validateRecord(record, FILE, { today });
		return result.ok ? [] : result.problems;
	};
	const withField = (path: string, value: unknown) => {
		const record = structuredClone(completeRecord()) as Record<string, any>;
		const keys = path.split('.');
		keys.slice(0, -1).reduce((node, key) => node[key], record)[keys.at(-1)!] = value;
		return record;
	};

	it('refuses a throughput no run reaches (1e308 tok/s)', () => {
		expect(problemsOf(withField('metrics.outputTokPerS', 1e308))).toEqual([{ field: 'metrics.outputTokPerS', message: 'is 1e+308 (number); it must be at most 10000000.' }]);
		expect(problemsOf(withField('hardware.gpuCount', 1e9))[0].field).toBe('hardware.gpuCount');
		expect(problemsOf(withField('metrics.ttftMs', 1e300))[0].field).toBe('metrics.ttftMs');
	});

	it('refuses dates that do not exist', () => {
		expect(problemsOf(withField('date', '2026-13-45'))).toEqual([{ field: 'date', message: 'is not a real calendar date.' }]);
		expect(problemsOf(withField('date', '2026-02-30'))).toEqual([{ field: 'date', message: 'is not a real calendar date.' }]);
	});

	it('refuses a date more than a day after the clock passed in', () => {
		expect(problemsOf(withField('date', '2099-12-31'))).toEqual([{ field: 'date', message: 'is 2099-12-31, after today (2026-05-23). Write the date the run was made, as YYYY-MM-DD.' }]);
		expect(problemsOf(withField('date', '2026-05-24'))).toEqual([]);
		expect(problemsOf(withField('date', '2026-05-25'))).toHaveLength(1);
		expect(problemsOf(withField('date', '2026-05-25'), '2026-05-25')).toEqual([]);
	});
});
