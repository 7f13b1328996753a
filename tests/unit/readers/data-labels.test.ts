/**
 * Labels the lab writes in its data JSON beyond flat keys: model / hardware / software objects,
 * warm and cold in a run's own name, quality verdicts under the lab's other key names, a file-level
 * verdict around one run of its own, and corrections written into the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunObservation } from '../../../src/lib/lab/claims';
import { readDataSummary } from '../../../src/lib/lab/readers/data-summary';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url), 'utf8');
const claim = (observation: RunObservation | undefined, field: string) => observation?.claims.find((entry) => entry.field === field);
const value = (observation: RunObservation | undefined, field: string) => claim(observation, field)?.value;
const statuses = (observation: RunObservation | undefined) => observation?.statuses.map((entry) => `${entry.status}@${entry.date ?? '-'}`);

describe('data JSON: model, hardware and software objects', () => {
	const { observations } = readDataSummary('data/o.json', fixture('data-objects.json'));

	it('reads model.hfId, hardware.gpuName / gpuCount / vramGbEach and software.engine for every run, each with its JSON path', () => {
		expect(observations).toHaveLength(3);
		for (const run of observations) {
			expect(claim(run, 'model.id')).toMatchObject({ value: 'example-org/Example-M3-int4-AutoRound', basis: 'recorded', evidence: { jsonPath: 'model.hfId' } });
			expect(value(run, 'model.quantization')).toBe('INT4 AutoRound W4A16');
			expect(claim(run, 'hardware.gpu')).toMatchObject({ value: 'Intel Arc Pro B70', evidence: { jsonPath: 'hardware.gpuName' } });
			expect(claim(run, 'hardware.gpuCount')).toMatchObject({ value: 4, evidence: { jsonPath: 'hardware.gpuCount' } });
			expect(claim(run, 'hardware.vramGbPerGpu')).toMatchObject({ value: 32, evidence: { jsonPath: 'hardware.vramGbEach' } });
			expect(value(run, 'software.engine.name')).toBe('vllm');
			expect(claim(run, 'software.engine.version')).toMatchObject({ value: '0.21.0-local', evidence: { jsonPath: 'software.engineVersion' } });
		}
	});

	it('reads "hardware.gpu: Intel Arc Pro B70 32GB" with gpu_count and vram_gb_per_gpu, and engine: { name, version }', () => {
		const [run] = readDataSummary('data/c.json', fixture('data-one-candidate.json')).observations.filter((entry) => entry.keys.files);
		expect(value(run, 'hardware.gpu')).toBe('Intel Arc Pro B70 32GB');
		expect(claim(run, 'hardware.gpuCount')).toMatchObject({ value: 4, evidence: { jsonPath: 'hardware.gpu_count' } });
		expect(claim(run, 'hardware.vramGbPerGpu')).toMatchObject({ value: 32, evidence: { jsonPath: 'hardware.vram_gb_per_gpu' } });
		expect(claim(run, 'model.id')).toMatchObject({ evidence: { jsonPath: 'model.hf_id' } });
		expect(claim(run, 'software.engine.version')).toMatchObject({ value: '0.21.0-local', evidence: { jsonPath: 'engine.version' } });
	});

	it('takes warm or cold from the run\'s own name, and nothing from a name that only says warmup', () => {
		expect(claim(observations[0], 'warmth')).toMatchObject({ value: 'cold', basis: 'stated', evidence: { kind: 'field', file: 'data/o.json', jsonPath: 'runs[0].label' } });
		expect(claim(observations[1], 'warmth')).toMatchObject({ value: 'warm', evidence: { jsonPath: 'runs[1].label' } });
		expect(claim(observations[2], 'warmth')).toBeUndefined();
	});
});

describe('data JSON: a verdict for the file as a whole', () => {
	it('gives the top-level status and quality_gate to the file\'s one run, not to the baseline it cites', () => {
		const { observations } = readDataSummary('data/c.json', fixture('data-one-candidate.json'));
		expect(observations).toHaveLength(2);
		const baseline = observations.find((entry) => entry.keys.localmaxxingId === 'cmzzdddd0004dd04ddddddddd');
		const candidate = observations.find((entry) => entry.keys.outputTokPerS === 60.071619);
		expect(candidate?.title).toBe('local-argmax-screen');
		expect(statuses(candidate)).toEqual(['rejected@2026-06-03']);
		expect(claim(candidate, 'quality')).toMatchObject({
			value: { method: 'exact-token-hashes', passed: true, detail: expect.stringContaining('raw145-n64-exact') },
			basis: 'recorded',
			evidence: { jsonPath: 'quality_gate.result' },
		});
		expect(claim(baseline, 'quality')).toBeUndefined();
		expect(statuses(baseline)).toEqual([]);
	});

	it('reads a list of gate results beside the one run when every gate passed', () => {
		const { observations } = readDataSummary('data/l.json', fixture('data-quality-list.json'));
		const run = observations.find((entry) => entry.keys.outputTokPerS === 62.6623);
		expect(claim(run, 'quality')).toMatchObject({ value: { method: 'exact-token-hashes', passed: true }, evidence: { jsonPath: 'quality_results' } });
		// The baseline's "strict_passed" is the baseline's.
		const baseline = observations.find((entry) => entry.keys.outputTokPerS === 61.4);
		expect(claim(baseline, 'quality')).toMatchObject({ value: { passed: true }, evidence: { jsonPath: 'baseline_for_comparison.quality' } });
	});

	it('applies a dated correction to each of the file\'s runs, and claims no quality from a gate list with a failure', () => {
		const { observations } = readDataSummary('data/x.json', fixture('data-corrected.json'));
		expect(observations.map((entry) => entry.keys.outputTokPerS)).toEqual([73.127919, 73.369261]);
		for (const run of observations) {
			expect(statuses(run)).toEqual(['invalidated@2026-06-05']);
			expect(run.statuses[0].evidence).toMatchObject({ kind: 'field', jsonPath: 'corrected_2026_06_05.status' });
			expect(claim(run, 'quality')).toBeUndefined();
		}
	});
});

describe('data JSON: guardrails where no gate verdict is written', () => {
	const { observations } = readDataSummary('data/g.json', fixture('data-guardrails.json'));
	const run = (name: string) => observations.find((entry) => entry.title === name);

	it('gives the experiment\'s quality_policy sentences to each of its runs as guardrails, with the JSON path, but not to the baseline', () => {
		expect(claim(run('block256'), 'quality')).toMatchObject({
			value: { method: 'guardrails', detail: 'No model weight, quantization, sampler or speculative decoding change.; Block size changes KV cache paging only.' },
			basis: 'recorded',
			evidence: { jsonPath: 'experiment.quality_policy' },
		});
		const baseline = observations.find((entry) => !entry.keys.files);
		expect(baseline).toBeDefined();
		expect(claim(baseline, 'quality')).toBeUndefined();
	});

	it('keeps a run\'s own gate verdict over the file\'s guardrails, and reads a run\'s own flags as guardrails', () => {
		expect(value(run('block512'), 'quality')).toMatchObject({ passed: false });
		expect(claim(run('mbt256'), 'quality')).toMatchObject({
			value: { method: 'guardrails', detail: 'speculative_decode: false, expert_dropping: false' },
			evidence: { jsonPath: 'followups[0].quality_guardrails' },
		});
	});

	it('claims no guardrails from a file that states none', () => {
		const silent = readDataSummary('data/s.json', fixture('data-silent.json')).observations;
		expect(silent.flatMap((entry) => entry.claims).filter((entry) => entry.field === 'quality')).toEqual([]);
	});
});

describe('data JSON: a run\'s own decision that speaks of quality', () => {
	const text = JSON.stringify({
		date: '2026-06-02',
		model: { hfId: 'example-org/Example-M3-int4-AutoRound' },
		decision: 'Use the 41.2 tok/s warm result as the quality-cleared floor; the 44.0 one is not quality-cleared.',
		runs: [
			{ label: 'cold', promptTokens: 512, outputTokens: 1536, tokSOut: 37.1 },
			{ label: 'warm', promptTokens: 512, outputTokens: 1536, tokSOut: 41.2, decision: 'current quality-cleared floor; above earlier 39.9 reference but below old suspect 44.0 result' },
			{ label: 'tile-4', tokSOut: 40.1, decision: 'rejected_quality_failure' },
			{ label: 'tile-8', tokSOut: 40.6, result: 'negative for speed: quality passed, slower than the promoted mean' },
			{ label: 'queue', tokSOut: 39.0, status: 'quality_passed' },
		],
	});
	const { observations } = readDataSummary('data/d.json', text);
	const run = (label: string) => observations.find((observation) => observation.title === label);

	it('reads the verdict clause of a nested run\'s decision as stated, with its JSON path, and names no gates it does not name', () => {
		expect(claim(run('warm'), 'quality')).toMatchObject({
			value: { method: 'gates-not-named', detail: 'current quality-cleared floor', passed: true },
			basis: 'stated',
			evidence: { jsonPath: 'runs[1].decision' },
		});
		expect(claim(run('tile-8'), 'quality')).toMatchObject({ value: { passed: true }, evidence: { jsonPath: 'runs[3].result' } });
	});

	it('reads decision codes and status codes as recorded verdicts', () => {
		expect(claim(run('tile-4'), 'quality')).toMatchObject({ value: { method: 'gates-not-named', passed: false }, basis: 'recorded', evidence: { jsonPath: 'runs[2].decision' } });
		expect(claim(run('queue'), 'quality')).toMatchObject({ value: { method: 'gates-not-named', detail: 'quality_passed', passed: true }, basis: 'recorded' });
	});

	it('gives the file\'s own decision, which speaks of several runs, to none of them', () => {
		expect(claim(run('cold'), 'quality')).toBeUndefined();
	});
});
