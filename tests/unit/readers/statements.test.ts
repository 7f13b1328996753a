import { describe, expect, it } from 'vitest';
import { comparedWith, familyDoubtIn, guardrailIn, roughFigures, hardwareIn, ownLocalmaxxingIds, qualityIn, repeatCount, shapeIn, statedDeltas, statusIn, throughputs, warmthIn } from '../../../src/lib/lab/readers/statements';
import { readDataSummary, statusCode } from '../../../src/lib/lab/readers/data-summary';

const own = (text: string) => throughputs(text).filter((entry) => !entry.reference).map((entry) => [entry.metric, entry.value]);
const refs = (text: string) => throughputs(text).filter((entry) => entry.reference).map((entry) => [entry.metric, entry.value]);

describe('throughput in prose', () => {
	it.each([
		['Result: `88.748424` output tok/s, `118.331232` total tok/s', [['output', 88.748424], ['total', 118.331232]]],
		['Mean output tok/s: `86.386284`', [['output', 86.386284]]],
		['- Output throughput: `39.264 tok/s`', [['output', 39.264]]],
		['reaches `31.833 tok/s` output at `p1024/n256`', [['output', 31.833]]],
		['improves the same shape from `33.308` to `36.805` output tok/s', [['output', 36.805]]],
	])('%s', (text, expected) => expect(own(text)).toEqual(expected));

	it('reads a number after a comparison word, or under a reference label, as the reference', () => {
		expect(refs('slowed to `72.98` output tok/s versus the promoted `81.758267` output tok/s')).toEqual([['output', 81.758267]]);
		expect(refs('Prior promoted baseline: `61.317497` output tok/s')).toEqual([['output', 61.317497]]);
		expect(own('Prior promoted baseline: `61.317497` output tok/s')).toEqual([]);
	});

	it('does not read a spread or a difference as a throughput', () => {
		expect(throughputs('Sample standard deviation for output tok/s: `0.094394`')).toEqual([]);
		expect(throughputs('its mean speed is only 0.0115 output tok/s above the previous result')).toEqual([]);
	});

	it('keeps the unit-less reference pair of "versus the promoted X / Y baseline"', () => {
		expect(comparedWith('slowed to `72.980385` output tok/s and `97.307181` total tok/s versus the promoted `81.758267` / `109.011023` logits-WS baseline')).toEqual({
			outputTokPerS: 81.758267,
			totalTokPerS: 109.011023,
			label: 'promoted logits-WS baseline',
		});
	});
});

describe('stated deltas', () => {
	it.each([
		['Delta: `+0.48%` output tok/s over `88.501953`', [{ percent: 0.48, against: 88.501953, metric: 'output' }]],
		['- Versus fastest skip-clone headline (`88.748424` output tok/s): `-2.66%`', [{ percent: -2.66, against: 88.748424, metric: 'output' }]],
		['`+1.53%` output tok/s over the previous promoted result and `+7.53%` over the older one', [
			{ percent: 1.53, against: 'the previous promoted result', metric: 'output' },
			{ percent: 7.53, against: 'the older one', metric: 'output' },
		]],
	])('%s', (text, expected) => expect(statedDeltas(text)).toEqual(expected));
});

describe('labels in prose', () => {
	it('reads shape, hardware and repeats', () => {
		expect(shapeIn('Shape: p512/n1536, ctx2048, batch 1')).toEqual({ promptTokens: 512, outputTokens: 1536, contextLength: 2048, batchSize: 1 });
		expect(shapeIn('vllm-minimax-tp4-p512-n128')).toEqual({ promptTokens: 512, outputTokens: 128 });
		expect(hardwareIn('Hardware: 4x Intel Arc Pro B70 32GB')).toEqual({ gpu: 'Intel Arc Pro B70 32GB', gpuCount: 4, vramGbPerGpu: 32 });
		expect(repeatCount('mean of four clean long repeats')).toBe(4);
		expect(repeatCount('16-repeat arithmetic')).toBeUndefined();
	});

	it('reads prompt and output lengths written in prose, and not llama-bench test names', () => {
		const shape = { promptTokens: 512, outputTokens: 1536 };
		for (const text of ['512 prompt / 1536 output: 69.1 tok/s', '512-token prompt, 1,536 generated tokens', 'Prompt 512, output 1536', 'prompt=512 output=1536', 'vllm bench serve --random-input-len 512 --random-output-len 1536', '- prompt/output: `512/1536`']) {
			expect(shapeIn(text), text).toEqual(shape);
		}
		expect(shapeIn('llama-bench pp512 tg128')).toEqual({});
		expect(shapeIn('Prompt/output lengths matter when choosing a path')).toEqual({});
	});

	it('reads quality verdicts, not policies or other runs', () => {
		expect(qualityIn('raw145 exact n64/n256 hashes and semantic suite all passed before benchmarking')).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(qualityIn('passed early gates but failed the extended sixpack with nondeterministic greedy output')).toMatchObject({ passed: false });
		expect(qualityIn('Raw canaries passed with `0` NUL tokens and no corruption')).toMatchObject({ passed: true });
		expect(qualityIn('do not promote shortcuts unless they pass raw exact hashes')).toBeUndefined();
		expect(qualityIn('The previous attempt failed raw145 n64 exact quality')).toBeUndefined();
		expect(qualityIn('Prompt/output: p512/n1536 benchmark, only after quality pass')).toBeUndefined();
	});

	it('reads verdicts that name no gate, and leaves crashes, questions and two-run sentences alone', () => {
		expect(qualityIn('Top8 is not quality-safe')).toMatchObject({ method: 'gates-not-named', passed: false });
		expect(qualityIn('These remain useful speed clues, but they are no longer quality-cleared.')).toMatchObject({ passed: false });
		expect(qualityIn('Long-context canary passed: `false`')).toMatchObject({ passed: false });
		expect(qualityIn('Quality: passed; 64 generated tokens, 0 NUL.')).toMatchObject({ method: 'gates-not-named', passed: true });
		// A crash is not a quality failure, even beside a word that looks like a gate.
		expect(qualityIn('Default graph path failed startup: Expected exactly one compiled range entry.')).toBeUndefined();
		expect(qualityIn('The helper keeps argmax semantics while bypassing the corrupted gather.')).toBeUndefined();
		// A plan's question states nothing.
		expect(qualityIn('Record whether the result is recommended, diagnostic-only, failed, or quality-risky.')).toBeUndefined();
		// The failure belongs to the earlier path the rerun fixed: which verdict is whose is not said.
		expect(qualityIn('Quality-safe rerun with async scheduling disabled after a stricter canary found NUL-token corruption in the async path.')).toBeUndefined();
	});

	it('claims warmth only when a sentence states it', () => {
		expect(warmthIn('Three repeats after one warm-up run')).toBe('warm');
		expect(warmthIn('the warmed p512/n1536 refresh')).toBeUndefined();
		expect(warmthIn('Four p512/n1536 repeats on 4x B70')).toBeUndefined();
		expect(warmthIn('A later retest found cold-cache token drift')).toBeUndefined();
	});
});

describe('status words', () => {
	it.each([
		['Promote as the current strict MiniMax result.', 'promoted'],
		['Do not promote.', 'rejected'],
		['Do not submit to LocalMaxxing or promote.', 'rejected'],
		['This result is quality-safe but slower, so it is rejected.', 'rejected'],
		['Keep the eager path; the candidate failed the raw145 n64 exact hash.', 'negative'],
		['N-gram speculative decoding is currently a negative path.', 'negative'],
		['hung before producing the first quality JSON', 'blocked'],
		['The compiled path is not quality-valid; it emits only token 0.', 'invalidated'],
		['These are historical speed clues, not results.', 'invalidated'],
		['cmoz8cow60001pd010klrb8g8 is now marked suspect rather than quality-cleared.', 'suspect'],
		['The earlier result was withdrawn.', 'withdrawn'],
		['Four repeats averaged 88.1 output tok/s.', undefined],
		['Next: promote only if it passes the strict gate.', undefined],
		// A service refusing a field of the submission says nothing about the run.
		['The first submit attempt used backend: xpu, but the API backend enum rejected that value.', undefined],
		['The first POST failed because LocalMaxxing rejects backend=xpu; the accepted payload omits backend.', undefined],
		['Rejected hfId: unsloth/Qwen3.6-27B-GGUF', undefined],
		['Rejected: slower than the promoted baseline.', 'rejected'],
	])('%s -> %s', (text, expected) => expect(statusIn(text)).toBe(expected));
});

describe('LocalMaxxing ids a sentence gives as its own run\'s', () => {
	const ID = 'cmpasdq5v007nmn019elaut3s';
	it('keeps the id of the run the sentence reports, not the one it compares with', () => {
		expect(ownLocalmaxxingIds(`LocalMaxxing: \`${ID}\``)).toEqual([ID]);
		expect(ownLocalmaxxingIds(`Submitted as \`${ID}\` and accepted.`)).toEqual([ID]);
		expect(ownLocalmaxxingIds(`None produced a quality-safe improvement over the existing accepted result \`${ID}\`.`)).toEqual([]);
		expect(ownLocalmaxxingIds(`Versus the baseline \`${ID}\`, decode is 1.2% slower.`)).toEqual([]);
	});
});

describe('status codes of data files', () => {
	it('reads "no new promoted result" as nothing promoted, and as no word on quality', () => {
		expect(statusCode('boundary_mapped_no_new_promoted_result')).toBe('rejected');
		expect(statusCode('promoted_strict_quality_pass')).toBe('promoted');
		const reading = readDataSummary('data/x-boundary-20260518.json', JSON.stringify({ status: 'boundary_mapped_no_new_promoted_result', shape: { prompt_tokens: 512 } }));
		expect(reading.observations.flatMap((entry) => entry.claims).find((claim) => claim.field === 'quality')).toBeUndefined();
	});
});

describe('guardrails in prose', () => {
	it('reads what a note says its change kept fixed, when it gives no gate verdict', () => {
		expect(guardrailIn('Quality guardrail: this did not change the model, quantization, dtype, KV dtype or sampler.')).toBe('Quality guardrail: this did not change the model, quantization, dtype, KV dtype or sampler.');
		expect(guardrailIn('The quality path is unchanged: no speculative decode, no expert dropping.')).toMatch(/^The quality path is unchanged/);
		expect(guardrailIn('This is not a lower-quality path: no expert dropping, no reduced router precision.')).toBeDefined();
	});

	it('reads no guardrails from rules, plans or words about quality in passing', () => {
		expect(guardrailIn('Quality guardrails are unchanged: do not skip the Q/K variance allreduce.')).toBeUndefined();
		expect(guardrailIn('Quality guardrail: the candidate must keep exact hashes before promotion.')).toBeUndefined();
		expect(guardrailIn('The next quality-preserving path is a fused allreduce.')).toBeUndefined();
	});
});

describe('rough figures and the families of runs they doubt', () => {
	it('reads "~73 tok/s" as what rounds to 73 and "70-73 tok/s" as 70 up to what rounds down to 73', () => {
		expect(roughFigures('the old invalid `~73` tok/s speed-only diagnostic')).toEqual([{ low: 72.5, high: 73.5 }]);
		expect(roughFigures('about 61.4 output tok/s')).toEqual([{ low: 61.35, high: 61.45 }]);
		expect(roughFigures('the 70-73 tok/s graph results')).toEqual([{ low: 70, high: 74 }]);
		expect(roughFigures('about 41 total tok/s')).toEqual([]);
		expect(roughFigures('88.748424 output tok/s')).toEqual([]);
	});

	it('doubts a family only when the sentence says it does not count', () => {
		expect(familyDoubtIn('The older `~73` tok/s AOT family remains speed-only diagnostic data because it produced token id `0` / NUL output.')).toEqual({ ranges: [{ low: 72.5, high: 73.5 }], status: 'invalidated' });
		expect(familyDoubtIn('The 70-73 tok/s graph results are historical speed clues.')?.status).toBe('invalidated');
		expect(familyDoubtIn('The ~73 tok/s family is now suspect.')?.status).toBe('suspect');
		expect(familyDoubtIn('This moved decode from ~61 tok/s to 65.75 output tok/s.')).toBeUndefined();
		// One run named by a rough figure is not a family: the runs near 66 of other experiments stand.
		expect(familyDoubtIn('The faster async-scheduling path previously reached roughly 66 tok/s but failed repeatability with token-id corruption.')).toBeUndefined();
	});
});

describe('rough figures are not measurements', () => {
	it('claims no throughput from "~73 tok/s", "about 41 output tok/s" or a bound', () => {
		expect(throughputs('the older `~73` output tok/s family')).toEqual([]);
		expect(throughputs('single-run deltas below about 1 output tok/s are noise')).toEqual([]);
		expect(throughputs('reached 61.40 output tok/s')).toMatchObject([{ value: 61.4 }]);
	});
});

describe('plans are not quality verdicts', () => {
	it('reads no pass from a next step, but still reads a failure after an instruction', () => {
		expect(qualityIn('Continue source-level work on quality-safe collective fusion.')).toBeUndefined();
		expect(qualityIn('Keep the eager path; the candidate failed the raw145 n64 exact hash.')).toMatchObject({ passed: false });
		expect(qualityIn('The candidate passed raw145 exact n64/n256 hashes.')).toMatchObject({ passed: true });
	});
});

describe('a compared figure in another unit', () => {
	it('is no throughput reference ("versus the earlier sample near 0.465 ms/layer")', () => {
		expect(comparedWith('The norm took 0.21 ms/layer, versus the earlier default eager sample near 0.465 ms/layer.')).toBeUndefined();
		expect(comparedWith('It reached 86.39, versus the promoted 88.103512 / 117.47 in-place baseline.')?.outputTokPerS).toBe(88.103512);
	});
});

describe('a verdict beside a comparison with the baseline', () => {
	it('reads the clause that gives the verdict, not the clause that names the baseline', () => {
		expect(qualityIn('The candidate passed the full strict quality gate, but did not beat the promoted baseline:')).toMatchObject({ passed: true });
		expect(qualityIn('The previous attempt failed raw145 n64 exact quality')).toBeUndefined();
		expect(qualityIn('The baseline passed its quality gates; this run was not measured')).toBeUndefined();
	});
});
