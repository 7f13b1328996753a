import { describe, expect, it } from 'vitest';
import {
	cardsLabel,
	formatFigure,
	headlineFigure,
	interconnectLabel,
	resultFormatRows,
	qualityLabel,
	resultFormatText,
	runContextLabel,
} from '../../src/lib/records/labels';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const parse = (input: Record<string, unknown>): LabRecord => recordSchema.parse(input);

describe('record labels', () => {
	it('says "not recorded" for a shape with no length recorded, not "not recorded / ... tokens"', () => {
		const imported = { kind: 'imported', from: 'notes/x.md' };
		const shapeRow = (shape: Record<string, unknown>) =>
			resultFormatRows(parse({ ...withValue(completeRecord(), 'shape', { ...(completeRecord().shape as object), ...shape }), source: imported })).find((row) => row.label === 'Prompt/output/context')!.value;
		expect(shapeRow({ promptTokens: 'not recorded', outputTokens: 'not recorded', contextLength: 'not recorded' })).toBe('not recorded');
		expect(shapeRow({ contextLength: 'not recorded' })).toMatch(/^\d+ \/ \d+ \/ not recorded tokens$/);
	});

	it('says which of card count and GPU was not recorded, never "not recordedx"', () => {
		const hardware = (gpuCount: unknown, gpu: unknown) => ({ ...(completeRecord().hardware as object), gpuCount, gpu });
		const imported = { kind: 'imported', from: 'notes/x.md' };
		const label = (gpuCount: unknown, gpu: unknown) => cardsLabel(parse({ ...withValue(completeRecord(), 'hardware', hardware(gpuCount, gpu)), source: imported }));
		expect(label(4, 'Intel Arc Pro B70')).toBe('4x Intel Arc Pro B70');
		expect(label('not recorded', 'not recorded')).toBe('not recorded');
		expect(label('not recorded', 'Intel Arc Pro B70')).toBe('Intel Arc Pro B70 (card count not recorded)');
		expect(label(4, 'not recorded')).toBe('4x (GPU not recorded)');
	});

	it('headlines output tok/s, labeled as output', () => {
		expect(formatFigure(headlineFigure(parse(completeRecord())))).toBe('83.17 output tok/s');
	});

	it('falls back to a labeled total when output was not measured', () => {
		const record = parse(withValue(completeRecord(), 'metrics', { totalTokPerS: 110.9 }));
		expect(formatFigure(headlineFigure(record))).toBe('110.9 total tok/s');
	});

	it('says what accepted tok/s means', () => {
		const record = parse(
			withValue(completeRecord(), 'metrics', { acceptedTokPerS: { value: 42.5, meaning: 'quality-accepted-after-retries' } }),
		);
		expect(formatFigure(headlineFigure(record))).toBe('42.5 accepted tok/s (quality-accepted-after-retries)');
	});

	it('carries shape, warmth, speculation and quality with the number', () => {
		expect(runContextLabel(parse(completeRecord()))).toBe('p512/n1536, ctx 2048 · batch 1 · concurrency 1 · warm · spec off · quality passed');
	});

	it('describes the interconnect', () => {
		expect(interconnectLabel(parse(completeRecord()))).toBe('PCIe 4 x16');
	});

	it('lists the result format in the community order', () => {
		const labels = resultFormatRows(parse(completeRecord())).map((row) => row.label);
		expect(labels.slice(0, 13)).toEqual([
			'Model',
			'Quantization',
			'Hardware',
			'OS/kernel',
			'Engine/backend',
			'Recipe or commit',
			'Prompt/output/context',
			'Batch/concurrency',
			'Quality check',
			'Output tok/s',
			'Total tok/s',
			'Notes',
			'Artifacts',
		]);
	});

	it('shows the latencies and power a run measured, each with its unit, and only those', () => {
		const rows = (metrics: object) => resultFormatRows(parse(withValue(completeRecord(), 'metrics', { outputTokPerS: 50, ...metrics })));
		const measured = rows({ ttftMs: 212.5, tpotMs: 19.8, itlMs: 20.1, watts: 410 });
		const value = (label: string) => measured.find((row) => row.label === label)?.value;
		expect(value('TTFT')).toBe('212.5 ms (time to first token)');
		expect(value('TPOT')).toBe('19.8 ms (time per output token, after the first)');
		expect(value('ITL')).toBe('20.1 ms (inter-token latency)');
		expect(value('Power')).toBe('410 W');
		expect(rows({}).map((row) => row.label)).not.toContain('TPOT');
	});

	it('marks rows whose labels an imported record never captured', () => {
		const imported = parse(
			withValue(withValue(completeRecord(), 'warmth', 'not recorded'), 'source', { kind: 'imported', from: 'x' }),
		);
		const warm = resultFormatRows(imported).find((row) => row.label === 'Warm/cold');
		expect(warm).toEqual({ label: 'Warm/cold', value: 'not recorded', incomplete: true, sources: [] });
		expect(resultFormatRows(imported).find((row) => row.label === 'Model')?.incomplete).toBe(false);
	});

	it('writes the result format as pasteable text', () => {
		const text = resultFormatText(parse(completeRecord()));
		expect(text).toContain('Output tok/s: 83.17 output tok/s (generated tokens only)');
		expect(text).toContain('Total tok/s: 110.9 total tok/s (prompt + generated)');
		expect(text).toContain('Prompt/output/context: 512 / 1536 / 2048 tokens');
	});
});

describe('where a label came from', () => {
	it('reads as a field, a line of a file, or a lane', async () => {
		const { evidenceLabel, evidenceWhere } = await import('../../src/lib/records/labels');
		expect(evidenceLabel({ basis: 'recorded', file: 'data/x.json', jsonPath: 'quality.passed' })).toBe('recorded in data/x.json (quality.passed)');
		expect(evidenceLabel({ basis: 'stated', file: 'notes/x.md', line: 12, quote: 'passed' })).toBe('stated in notes/x.md:12');
		expect(evidenceLabel({ basis: 'lane', file: 'data/lanes.json', lane: 'strict' })).toBe('from lane strict');
		expect(evidenceWhere({ basis: 'stated', file: 'notes/x.md', line: 12 })).toBe('notes/x.md:12');
	});
});

describe('the quality label', () => {
	it('does not repeat a detail that only restates the method ("not checked (not checked)")', () => {
		const notChecked = parse(withValue(completeRecord(), 'quality', { method: 'not-checked', detail: 'not checked' }));
		expect(qualityLabel(notChecked)).toBe('not checked');
		const explained = parse(withValue(completeRecord(), 'quality', { method: 'not-checked', detail: 'smoke run only' }));
		expect(qualityLabel(explained)).toBe('not checked (smoke run only)');
	});

	it('says a verdict names no gates rather than printing the method as if it were one', () => {
		const code = parse(withValue(completeRecord(), 'quality', { method: 'gates-not-named', detail: 'quality_passed', passed: true }));
		expect(qualityLabel(code)).toBe('passed, gates not named (quality_passed)');
		const failed = parse(withValue(completeRecord(), 'quality', { method: 'gates-not-named', detail: 'failed', passed: false }));
		expect(qualityLabel(failed)).toBe('FAILED, gates not named');
	});
});
