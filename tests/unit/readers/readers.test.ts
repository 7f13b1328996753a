import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunObservation } from '../../../src/lib/lab/claims';
import { readCurrentMd } from '../../../src/lib/lab/readers/current-md';
import { readDataSummary } from '../../../src/lib/lab/readers/data-summary';
import { readLedger } from '../../../src/lib/lab/readers/ledger';
import { readLocalmaxxingPayload } from '../../../src/lib/lab/readers/localmaxxing';
import { readNote } from '../../../src/lib/lab/readers/note-sections';
import { readHubReadme } from '../../../src/lib/lab/readers/hub-readme';
import { noteFile, NOTE_PLACEHOLDERS } from '../../../src/lib/scaffold/note';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/readers/${name}`, import.meta.url), 'utf8');
const claim = (observation: RunObservation | undefined, field: string) => observation?.claims.find((entry) => entry.field === field);
const value = (observation: RunObservation | undefined, field: string) => claim(observation, field)?.value;
const statuses = (observation: RunObservation | undefined) => observation?.statuses.map((entry) => `${entry.status}@${entry.date ?? '-'}`);
const byOutput = (list: RunObservation[], output: number) => list.find((entry) => entry.keys.outputTokPerS === output);

describe('CURRENT.md reader', () => {
	const newer = readCurrentMd('CURRENT.md', fixture('current-layout-a.md')).observations;
	const older = readCurrentMd('CURRENT.md', fixture('current-layout-b.md')).observations;

	it('reads the current result block as a promoted run dated by the Date line, with every label and its line', () => {
		const current = newer[0];
		expect(current.track).toBe('Gemma 4 31B');
		expect(current.keys).toMatchObject({ localmaxxingId: 'cmzzaaaa0001aa01aaaaaaaaa', outputTokPerS: 54.12 });
		expect(current.keys.files).toContain('data/gemma-fused-router-win-20260601.json');
		expect(statuses(current)).toEqual(['promoted@2026-06-02']);
		expect(value(current, 'metrics.totalTokPerS')).toBe(72.16);
		expect(value(current, 'metrics.repeatCount')).toBe(3);
		expect(value(current, 'shape.contextLength')).toBe(2048);
		expect(value(current, 'hardware.gpu')).toBe('Intel Arc Pro B70 32GB');
		expect(value(current, 'hardware.gpuCount')).toBe(2);
		expect(value(current, 'model.id')).toBe('example-org/Gemma-4-31B-int4');
		expect(value(current, 'software.engine.version')).toBe('0.21.0-dev');
		expect(value(current, 'quality')).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(claim(current, 'metrics.outputTokPerS')?.evidence).toMatchObject({ kind: 'sentence', file: 'CURRENT.md', line: 14 });
		expect(claim(current, 'metrics.outputTokPerS')?.evidence).toHaveProperty('quote', expect.stringContaining('54.120000 output tok/s'));
	});

	it('keeps the stated deltas, with the reference number when the sentence prints one', () => {
		const deltas = newer[0].claims.filter((entry) => entry.field === 'statedDelta').map((entry) => entry.value);
		expect(deltas).toEqual([
			{ percent: 2, against: 'the previous fused-norm promoted result', metric: 'output' },
			{ percent: 8.24, against: 50, metric: 'output' },
		]);
	});

	it('marks each previous baseline promoted (undated) then superseded, in both layouts', () => {
		const fusedNorm = newer.find((entry) => entry.keys.localmaxxingId === 'cmzzbbbb0002bb02bbbbbbbbb');
		expect(fusedNorm?.keys.outputTokPerS).toBe(53.058824);
		expect(statuses(fusedNorm)).toEqual(['promoted@-', 'superseded@2026-06-02']);
		const first = older.find((entry) => entry.keys.localmaxxingId === 'cmzzcccc0003cc03ccccccccc');
		expect(first?.keys.outputTokPerS).toBe(50);
		expect(first?.keys.files).toContain('data/gemma-tp2-baseline-20260520.json');
		expect(statuses(first)).toEqual(['promoted@-', 'superseded@2026-05-28']);
		// The older layout's current result is the newer layout's first baseline: same id, same number.
		expect(older[0].keys).toMatchObject({ localmaxxingId: 'cmzzbbbb0002bb02bbbbbbbbb', outputTokPerS: 53.058824 });
		expect(statuses(older[0])).toEqual(['promoted@2026-05-28']);
	});

	it('reads rejections and screens with their numbers and verdicts, and skips the targets section', () => {
		expect(statuses(byOutput(newer, 52.9))).toEqual(['rejected@2026-06-02']);
		expect(value(byOutput(newer, 52.9), 'statedDelta')).toEqual({ percent: -2.25, against: 'the promoted result', metric: 'output' });
		const corrupt = newer.find((entry) => entry.title === 'VLLM_EXAMPLE_FAST_TOPK=1');
		expect(statuses(corrupt)).toEqual(['negative@2026-06-02']);
		expect(value(corrupt, 'quality')).toMatchObject({ passed: false });
		expect(newer.some((entry) => entry.statuses.some((status) => status.status === 'blocked'))).toBe(true);
		expect(newer).toHaveLength(6);
		// A follow-up block of the older layout: its Decision bullet gives the verdict.
		expect(statuses(byOutput(older, 51.2))).toEqual(['rejected@2026-05-28']);
	});
});

describe('CURRENT.md in a drifted layout (headings, a bold lead, a table of baselines, "Last updated")', () => {
	const result = readCurrentMd('CURRENT.md', fixture('current-layout-c.md'));
	const runs = result.observations;

	it('dates the file by its "Last updated" line and promotes the run under the "Current ... result" heading', () => {
		expect(result.skipped).toEqual([]);
		expect(runs[0].keys).toMatchObject({ localmaxxingId: 'cmzzdddd0004dd04ddddddddd', outputTokPerS: 55.01 });
		expect(statuses(runs[0])).toEqual(['promoted@2026-06-09']);
	});

	it('reads each row of a table of previous baselines as a promoted, then superseded, run citing its row', () => {
		const router = runs.find((entry) => entry.keys.localmaxxingId === 'cmzzaaaa0001aa01aaaaaaaaa');
		expect(router?.keys.outputTokPerS).toBe(54.12);
		expect(value(router, 'metrics.totalTokPerS')).toBe(72.16);
		expect(statuses(router)).toEqual(['promoted@-', 'superseded@2026-06-09']);
		expect(claim(router, 'metrics.outputTokPerS')?.evidence).toMatchObject({ file: 'CURRENT.md', line: 20 });
		expect(statuses(runs.find((entry) => entry.keys.localmaxxingId === 'cmzzbbbb0002bb02bbbbbbbbb'))).toEqual(['promoted@-', 'superseded@2026-06-09']);
	});

	it('reads a numbered list of baselines like a bulleted one', () => {
		const numbered = fixture('current-layout-b.md').replace('- First TP2 baseline', '1. First TP2 baseline');
		const first = readCurrentMd('CURRENT.md', numbered).observations.find((entry) => entry.keys.localmaxxingId === 'cmzzcccc0003cc03ccccccccc');
		expect(statuses(first)).toEqual(['promoted@-', 'superseded@2026-05-28']);
		expect(claim(first, 'metrics.outputTokPerS')?.evidence).toMatchObject({ line: 19 });
	});

	it('reads a bold lead like a plain one', () => {
		expect(statuses(byOutput(runs, 54.3))).toEqual(['rejected@2026-06-09']);
	});
});

describe('ledger reader', () => {
	const result = readLedger('localmaxxing_submissions.md', fixture('ledger.md'));

	it('reads one run per row with the section date, model and APPROVED verdict', () => {
		const [first, second] = result.observations;
		expect(first.keys).toEqual({ localmaxxingId: 'cmzzcccc0003cc03ccccccccc', outputTokPerS: 50 });
		expect(value(first, 'metrics.totalTokPerS')).toBe(66.667);
		expect(value(first, 'shape.promptTokens')).toBe(512);
		expect(value(first, 'shape.outputTokens')).toBe(1536);
		expect(value(first, 'hardware.gpuCount')).toBe(2);
		expect(value(first, 'model.id')).toBe('example-org/Gemma-4-31B-int4');
		expect(statuses(first)).toEqual(['accepted@2026-05-25']);
		expect(statuses(second)).toEqual(['accepted@2026-05-25', 'suspect@2026-05-25']);
	});

	it('does not guess which throughput an unlabeled "tok/s" column holds', () => {
		expect(result.observations).toHaveLength(2);
		expect(result.skipped[0].reason).toMatch(/no column saying which throughput/);
	});
});

describe('LocalMaxxing reader', () => {
	it('turns a payload into recorded claims with JSON paths and its response into the id and an accepted status', () => {
		const { observations, skipped } = readLocalmaxxingPayload({ path: 'data/p.payload.json', text: fixture('payload.json') }, { path: 'data/r.response.json', text: fixture('response.json') });
		expect(skipped).toEqual([]);
		const [run] = observations;
		expect(run.keys.localmaxxingId).toBe('cmzzaaaa0001aa01aaaaaaaaa');
		expect(run.keys.files).toEqual(['data/p.payload.json', 'data/r.response.json']);
		expect(claim(run, 'metrics.outputTokPerS')).toEqual({ field: 'metrics.outputTokPerS', value: 54.12, basis: 'recorded', evidence: { kind: 'field', file: 'data/p.payload.json', jsonPath: 'tokSOut' } });
		expect(claim(run, 'software.kernel')?.value).toBe('6.17.0-1-generic');
		expect(value(run, 'speculation')).toEqual({ enabled: false });
		expect(run.statuses).toEqual([{ status: 'accepted', date: '2026-06-01', basis: 'recorded', evidence: { kind: 'field', file: 'data/r.response.json', jsonPath: 'status' } }]);
		// The notes sentence states the gates and the warm-up: stated, cited by the notes field.
		expect(claim(run, 'quality')).toMatchObject({ basis: 'stated', value: { method: 'exact-token-hashes', passed: true }, evidence: { jsonPath: 'notes' } });
		expect(value(run, 'warmth')).toBe('warm');
	});

	it('reports a failed submission instead of inventing an id', () => {
		const { observations, skipped } = readLocalmaxxingPayload({ path: 'data/p.payload.json', text: fixture('payload.json') }, { path: 'data/r.response.json', text: fixture('response-failed.json') });
		expect(observations[0].keys.localmaxxingId).toBeUndefined();
		expect(observations[0].statuses).toEqual([]);
		expect(skipped).toEqual([{ path: 'data/r.response.json', reason: 'records a failed submission (HTTP 500)' }]);
	});
});

describe('data summary reader', () => {
	it('reads a gated summary: status code, policies, runtime, means and repeats, never a previous run\'s number', () => {
		const [run] = readDataSummary('data/g.json', fixture('data-gated.json')).observations;
		expect(run.keys.outputTokPerS).toBe(52.9);
		expect(run.date).toBe('2026-06-01');
		expect(statuses(run)).toEqual(['rejected@2026-06-01']);
		expect(claim(run, 'metrics.outputTokPerS')?.evidence).toEqual({ kind: 'field', file: 'data/g.json', jsonPath: 'mean_output_toks_per_second' });
		expect(value(run, 'metrics.repeats')).toEqual([
			{ outputTokPerS: 52.8, totalTokPerS: 70.4 },
			{ outputTokPerS: 53, totalTokPerS: 70.666666 },
		]);
		expect(value(run, 'shape.contextLength')).toBe(2048);
		expect(value(run, 'runtime.tensorParallel')).toBe(2);
		expect(value(run, 'benchmarkedAfterQuality')).toBe(true);
		expect(value(run, 'quality')).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(run.claims.some((entry) => entry.value === 54.12)).toBe(false);
		expect(claim(run, 'warmth')).toBeUndefined();
	});

	it('reads one run per runs[] element with the file\'s labels and its stated warm-up', () => {
		const { observations, skipped } = readDataSummary('data/r.json', fixture('data-runs.json'));
		expect(observations.map((entry) => entry.title)).toEqual(['tp2-default', 'tp2-graph', 'tp2-crashed']);
		expect(claim(observations[1], 'metrics.outputTokPerS')?.evidence).toMatchObject({ jsonPath: 'runs[1].tok_s_out' });
		expect(observations[1].keys.localmaxxingId).toBe('cmzzdddd0004dd04ddddddddd');
		expect(value(observations[0], 'warmth')).toBe('warm');
		expect(statuses(observations[2])).toEqual(['blocked@2026-05-22']);
		expect(skipped).toEqual([{ path: 'data/r.json', reason: 'runs: 1 of 4 elements state no throughput, status or LocalMaxxing id under known keys' }]);
	});

	it('skips a file that states no run, with the reason', () => {
		const result = readDataSummary('data/s.json', fixture('data-silent.json'));
		expect(result.observations).toEqual([]);
		expect(result.skipped[0].reason).toMatch(/no throughput, status or LocalMaxxing id/);
	});
});

describe('note reader', () => {
	it('reads a promotion newer than CURRENT.md: mean (not a repeat), shape, gates, stated warm-up, id, dated status', () => {
		const [run] = readNote('notes/2026-06-03-gemma-fused-router-v2-win.md', fixture('note-promotes-newer.md')).observations;
		expect(run.keys).toMatchObject({ outputTokPerS: 55.1, localmaxxingId: 'cmzzffff0006ff06fffffffff' });
		expect(run.keys.files).toEqual(['notes/2026-06-03-gemma-fused-router-v2-win.md', 'data/gemma-fused-router-v2-20260603.json']);
		expect(statuses(run)).toEqual(['promoted@2026-06-03']);
		expect(value(run, 'quality')).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(value(run, 'warmth')).toBe('warm');
		expect(value(run, 'statedDelta')).toEqual({ percent: 1.81, against: 54.12, metric: 'output' });
		expect(claim(run, 'warmth')?.evidence).toMatchObject({ kind: 'sentence', line: 9, quote: 'Three repeats after one warm-up run:' });
	});

	it('promotes the run a running list calls current, by its LocalMaxxing id, and no run a line only compares with', () => {
		const body = [
			'# Gemma lab notes',
			'',
			'Date: 2026-06-01',
			'',
			'## Best Results So Far',
			'',
			'- 2x card split: `30.100 tok/s`, LocalMaxxing `cmgggggggg0001gg01ggggggg`.',
			'- 3x card current quality-cleared fused stack, 512 prompt / 512 output: `41.250 tok/s`, LocalMaxxing `cmgggggggg0002gg01ggggggg`.',
			'- 4x card run: `38.000 tok/s`, 8% below the current best, LocalMaxxing `cmgggggggg0003gg01ggggggg`.',
			'- Current promoted results: `cmgggggggg0002gg01ggggggg` and `cmgggggggg0001gg01ggggggg`.',
		].join('\n');
		const observations = readNote('notes/gemma-lab-notes.md', body).observations;
		const promoted = observations.filter((run) => run.statuses.some((status) => status.status === 'promoted'));
		expect(promoted.map((run) => run.keys.localmaxxingId)).toEqual(['cmgggggggg0002gg01ggggggg']);
		expect(statuses(promoted[0])).toEqual(['promoted@2026-06-01']);
		expect(promoted[0].statuses[0].evidence).toMatchObject({ kind: 'sentence', line: 8, quote: expect.stringContaining('current quality-cleared fused stack') });
		// The line names the run; it is not the run's title.
		expect(promoted[0].title).toBeUndefined();
	});

	it('reads a LocalMaxxing section\'s list as its submission (id, figures, APPROVED), and nothing of the prose around it', () => {
		const note = (localmaxxing: string[]) =>
			['# Gemma fused projection', '', 'Date: 2026-06-04', '', '## Decision', '', 'Do not use `GEMMA_ROOT_FUSE=1` for quality claims.', '', '## LocalMaxxing', '', ...localmaxxing].join('\n');
		const [submission] = readNote(
			'notes/2026-06-04-gemma-fused-projection.md',
			note([
				'- ID: `cmhhhhhhhh0001hh01hhhhhhh`',
				'- Status: `APPROVED`',
				'- Output throughput: `50.129900 tok/s`',
				'',
				'The payload states that the root fusion is disabled because it is not quality-cleared.',
			]),
		).observations.filter((run) => run.keys.localmaxxingId);
		expect(submission.keys).toMatchObject({ localmaxxingId: 'cmhhhhhhhh0001hh01hhhhhhh', outputTokPerS: 50.1299, files: ['notes/2026-06-04-gemma-fused-projection.md'] });
		expect(statuses(submission)).toEqual(['accepted@2026-06-04']);
		// The decision is about a setting and the prose about another path: neither is the submission's.
		expect(claim(submission, 'quality')).toBeUndefined();
		const nothingNew = readNote(
			'notes/2026-06-04-gemma-followups.md',
			note(['No new LocalMaxxing submission from this round; the public best remains:', '', '- `cmhhhhhhhh0002hh01hhhhhhh`']),
		).observations;
		expect(nothingNew.some((run) => run.keys.localmaxxingId)).toBe(false);
	});

	it('gives an invalidation to the run the sentence names, not to the note\'s own result', () => {
		const [own, invalidated] = readNote('notes/2026-05-26-gemma-graph-replay.md', fixture('note-invalidates.md')).observations;
		expect(own.keys.outputTokPerS).toBeUndefined();
		expect(invalidated.keys).toEqual({ outputTokPerS: 61.5 });
		expect(statuses(invalidated)).toEqual(['invalidated@2026-05-26']);
		expect(invalidated.statuses[0].evidence).toMatchObject({ line: 7, quote: expect.stringContaining('emits only token 0') });
	});

	it('a note silent about warmth claims no warmth; its table rows and the reference it lost to are kept', () => {
		const { observations } = readNote('notes/2026-06-01-gemma-split-kv-negative.md', fixture('note-silent-warmth.md'));
		expect(observations.every((entry) => claim(entry, 'warmth') === undefined)).toBe(true);
		const [run] = observations;
		expect(run.keys.outputTokPerS).toBe(52.9);
		expect(statuses(run)).toEqual(['rejected@2026-06-01']);
		expect(value(run, 'comparedWith')).toMatchObject({ outputTokPerS: 54.12 });
		expect(value(run, 'statedDelta')).toMatchObject({ percent: -2.25, against: 54.12 });
		expect(observations.slice(1).map((entry) => [entry.title, entry.keys.outputTokPerS, value(entry, 'metrics.totalTokPerS')])).toEqual([
			['promoted baseline', 54.12, 72.16],
			['split KV', 52.9, 70.53],
		]);
	});
});

describe('note reader: the reference a note lost to is not its run', () => {
	const REF = 'cmrefrefrefrefrefrefrefre';
	it('does not take the id listed under a "Promoted strict baseline:" lead in its results', () => {
		const body = [
			'# Gemma 4 deferred copy',
			'',
			'## Results',
			'',
			'| Run | Output tok/s | Total tok/s |',
			'| --- | ---: | ---: |',
			'| repeat 1 | 51.10 | 68.20 |',
			'| mean | 51.147817 | 68.230423 |',
			'',
			'Promoted strict baseline:',
			'',
			'- Output tok/s: `51.404035`',
			`- LocalMaxxing: \`${REF}\``,
			'',
			'Decision: do not promote. It does not improve the current best.',
			'',
		].join('\n');
		const [run] = readNote('notes/2026-06-02-gemma-deferred-copy.md', body).observations;
		expect(run.keys.localmaxxingId).toBeUndefined();
		expect(run.keys.outputTokPerS).toBe(51.147817);
	});

	it('does not take the id that follows a reference figure in the same paragraph', () => {
		const body = `# Gemma 4 spec screens\n\nCurrent strict baseline remains \`51.404035\` output tok/s, \`68.87\` total tok/s. LocalMaxxing result: \`${REF}\`.\n\n## What Was Tested\n\nThe GPU ngram proposer.\n\nDecision: do not promote. The proposer ran out of memory.\n`;
		const observations = readNote('notes/2026-06-02-gemma-spec-screens.md', body).observations;
		expect(observations.every((entry) => entry.keys.localmaxxingId !== REF)).toBe(true);
	});
});

describe('note reader: a note of several screens', () => {
	const RUN = 'cmscreenscreenscreenscree';
	const body = [
		'# Gemma 4 post-reboot validation',
		'',
		'## Summary',
		'',
		'After a reboot the collective library order was fixed.',
		'',
		'## PP2 x TP2 result',
		'',
		'Result:',
		'',
		'- output throughput: `27.479016 tok/s`',
		'',
		'Decision: stable but not competitive.',
		'',
		'## TP4 n-gram new best',
		'',
		'Result:',
		'',
		'- output throughput: `49.581893 tok/s`',
		`- LocalMaxxing: \`${RUN}\``,
		'',
		'Decision: this is the current validated Gemma best.',
		'',
	].join('\n');
	const runs = () => readNote('notes/2026-06-06-gemma-post-reboot.md', body).observations.filter((entry) => entry.keys.outputTokPerS !== undefined);

	it('reads each section that states a run and decides about it as a run of its own, with its own decision', () => {
		const byFigure = new Map(runs().map((run) => [run.keys.outputTokPerS, run]));
		expect([...byFigure.keys()].sort()).toEqual([27.479016, 49.581893]);
		expect(byFigure.get(49.581893)!.statuses.map((entry) => entry.status)).toContain('promoted');
		expect(byFigure.get(49.581893)!.keys.localmaxxingId).toBe(RUN);
		expect(byFigure.get(49.581893)!.title).toBe('Gemma 4 post-reboot validation: TP4 n-gram new best');
		expect(byFigure.get(27.479016)!.statuses.map((entry) => entry.status)).not.toContain('promoted');
	});

	it('a result that "remains" the already submitted one is a reference, not the note\'s run', () => {
		const note = `# Gemma 4 PP2 fallback\n\n## Interpretation\n\nDo not submit these PP2 runs.\n\nThe currently shareable result remains the already submitted TP4 run:\n\n- \`49.581893 tok/s\`\n- LocalMaxxing ID \`${RUN}\`\n`;
		const observations = readNote('notes/2026-06-06-gemma-pp2-fallback.md', note).observations;
		expect(observations.every((entry) => entry.keys.localmaxxingId !== RUN && entry.keys.outputTokPerS !== 49.581893)).toBe(true);
	});
});

describe('note reader: a note written from the project\'s template', () => {
	it('reads the labels its Setup section states, as the template asks', () => {
		const note = noteFile({ title: 'Gemma 4 CCL workers', date: '2026-06-07' });
		const body = note.text
			.replace(NOTE_PLACEHOLDERS.Summary, 'Two CCL workers reach 31.40 output tok/s.')
			.replace(NOTE_PLACEHOLDERS.Setup, 'Gemma 4 31B on two B70s, llama.cpp b8121. Shape p512/n512, ctx 4096, batch 1; warm run, no speculative decoding.')
			.replace(NOTE_PLACEHOLDERS.Decision, 'Keep two workers.');
		const [run] = readNote(note.path, body).observations;
		const fields = new Set(run.claims.map((claim) => claim.field));
		expect(run.keys.outputTokPerS).toBe(31.4);
		for (const field of ['shape.promptTokens', 'shape.outputTokens', 'shape.contextLength', 'shape.batchSize', 'warmth']) expect(fields).toContain(field);
	});
});

describe('data summary reader, runs under the experiment\'s own key names', () => {
	const { observations, skipped } = readDataSummary('data/n.json', fixture('data-nested.json'));

	it('reads a baseline object, nested results and screens as runs, each citing its JSON path', () => {
		expect(observations.map((entry) => [entry.title, entry.keys.outputTokPerS, claim(entry, 'metrics.outputTokPerS')?.evidence])).toEqual([
			['baseline', 50, { kind: 'field', file: 'data/n.json', jsonPath: 'baseline.mean_output_toks_per_second' }],
			['default', 21.5, { kind: 'field', file: 'data/n.json', jsonPath: 'single_card_p0n128_r2.results[0].tok_s_out' }],
			['pinned', 22.25, { kind: 'field', file: 'data/n.json', jsonPath: 'single_card_p0n128_r2.results[1].tok_s_out' }],
			['mbt512', 49.1, { kind: 'field', file: 'data/n.json', jsonPath: 'shortScreens[0].tokSOut' }],
		]);
		expect(skipped).toEqual([]);
	});

	it('takes warmth from the enclosing warm-up count, and not from graph-capture warm-ups', () => {
		expect(claim(observations[1], 'warmth')).toMatchObject({ value: 'warm', evidence: { jsonPath: 'single_card_p0n128_r2.warmupIters' } });
		expect(claim(observations[3], 'warmth')).toBeUndefined();
		expect(observations.every((entry) => entry.date === '2026-05-24')).toBe(true);
	});
});

describe('ledger notes', () => {
	it('reads "was the then-current best" as that run\'s promotion on the section date', () => {
		const text = ['Date: 2026-05-04', '', '| Label | LocalMaxxing ID | tok/s out |', '| --- | --- | ---: |', '| `q4` | `cmzzgggg0007gg07ggggggggg` | 44.8 |', '', 'Note: `cmzzgggg0007gg07ggggggggg` was the then-current best quality-preserving Q4_0 result. It fuses two kernels.'].join('\n');
		const [row] = readLedger('ledger.md', text).observations;
		expect(statuses(row)).toEqual(['promoted@2026-05-04']);
		expect(row.statuses[0].evidence).toMatchObject({ line: 7 });
	});
});

describe('hub README reader', () => {
	const { observations } = readHubReadme('README.md', fixture('hub-readme.md'));

	it('reads only verdicts on whether a result stands, each about the run its sentence names, dated when the sentence says when', () => {
		expect(observations.map((entry) => [entry.keys, statuses(entry)])).toEqual([
			[{ localmaxxingId: 'cmzzdddd0004dd04ddddddddd' }, ['suspect@-']],
			[{ localmaxxingId: 'cmzzdddd0004dd04ddddddddd' }, ['valid@2026-05-30']],
			[{ outputTokPerS: 47 }, ['invalidated@-']],
		]);
		expect(observations[2].statuses[0].evidence).toMatchObject({ kind: 'sentence', file: 'README.md', line: 8 });
	});
});

describe('repeats are not runs of their own', () => {
	it('keeps table rows that average to the "mean" row as that run\'s repeats, and names each run\'s timestamped log', () => {
		const body = [
			'# Gemma 4 fused router repeat',
			'',
			'Date: 2026-06-04',
			'',
			'## Result',
			'',
			'| Run | Output tok/s | Total tok/s | Log |',
			'| --- | ---: | ---: | --- |',
			'| run 1 | 51.761434 | 69.1 | `/home/lab/bench/gemma-p512n1536-20260604T053345Z.log` |',
			'| run 2 | 51.744262 | 69.0 | `/home/lab/bench/gemma-p512n1536-20260604T053641Z.log` |',
			'| Mean | 51.752848 | 69.05 | |',
			'| other recipe | 49.1 | 65.2 | `/home/lab/bench/gemma-p512n1536-20260604T060000Z.log` |',
			'',
		].join('\n');
		const rows = readNote('notes/2026-06-04-gemma-fused-router-repeat.md', body).observations.filter((entry) => entry.keys.outputTokPerS !== undefined);
		expect(rows.map((row) => row.keys.outputTokPerS)).toEqual([51.752848, 49.1]);
		expect(rows[0].claims.find((claim) => claim.field === 'metrics.repeats')?.value).toEqual([{ outputTokPerS: 51.761434 }, { outputTokPerS: 51.744262 }]);
		expect(rows[1].keys.artifacts).toEqual(['/home/lab/bench/gemma-p512n1536-20260604T060000Z.log']);
	});

	it('reads a data file\'s runs array that averages to its mean as repeats, not as runs', () => {
		const json = JSON.stringify({
			date: '2026-06-04',
			benchmark: {
				runs: [
					{ log: '/home/lab/bench/gemma-20260604T053345Z.log', tokSOut: 51.761434 },
					{ log: '/home/lab/bench/gemma-20260604T053641Z.log', tokSOut: 51.744262 },
				],
				mean: { tokSOut: 51.752848 },
			},
			screens: [{ name: 'mbt256', tokSOut: 49.9 }, { name: 'mbt1024', tokSOut: 48.2 }],
			candidate_results: {
				runs: [{ output_toks_per_second: 47.1 }, { output_toks_per_second: 46.9 }],
				mean_output_toks_per_second: 47.0,
			},
		});
		const figures = readDataSummary('data/r.json', json).observations.map((entry) => entry.keys.outputTokPerS).filter((value) => value !== undefined);
		expect(figures).not.toContain(51.761434);
		expect(figures).not.toContain(51.744262);
		expect(figures).not.toContain(47.1);
		expect(figures.sort()).toEqual([47.0, 48.2, 49.9, 51.752848]);
	});

	it('takes the id of a LocalMaxxing response saved under another name', () => {
		const json = JSON.stringify({ id: 'cmp52gqmb000vo3015qj4kl9t', modelId: 'cmoxnvmmd00gkml01n373pc14', hardwareId: 'cmormmlvb0009ky04i6pvj96b', tokSOut: 61.75, tokSTotal: 82.3, promptTokens: 512, outputTokens: 1536 });
		expect(readDataSummary('data/localmaxxing-submission-x-20260514.json', json).observations[0].keys.localmaxxingId).toBe('cmp52gqmb000vo3015qj4kl9t');
	});
});

describe('a note\'s guardrails', () => {
	it('hold for the rows of its result table, not for a baseline row, and not from a plan', () => {
		const body = [
			'# Gemma 4 static decode compile',
			'',
			'Date: 2026-06-05',
			'',
			'The quality path is unchanged: no speculative decode, no expert dropping, no router change.',
			'',
			'## Result',
			'',
			'| Run | Output tok/s | Total tok/s |',
			'| --- | ---: | ---: |',
			'| warm screen | 52.4 | 70.1 |',
			'| previous best | 50.2 | 67.0 |',
			'',
			'## Next Steps',
			'',
			'- Continue work on quality-safe collective fusion.',
			'',
		].join('\n');
		const rows = readNote('notes/2026-06-05-gemma-static-decode.md', body).observations;
		const quality = (title: string) => rows.find((row) => row.title === title)?.claims.find((claim) => claim.field === 'quality');
		expect(quality('warm screen')).toMatchObject({ value: { method: 'guardrails' }, evidence: { line: 5 } });
		expect(quality('previous best')).toBeUndefined();
		const plan = readNote('notes/2026-06-05-gemma-plan.md', body.replace(/^The quality path.*$/m, '')).observations;
		expect(plan.flatMap((row) => row.claims).filter((claim) => claim.field === 'quality')).toEqual([]);
	});
});

describe('note reader: whose quality verdict a sentence gives', () => {
	const note = (...sections: string[]) => ['# Gemma 4 tile retest, 2026-06-04', '', ...sections].join('\n');

	it('keeps "this is quality-safe, but slower than the 61.5 result" for the run, not a verdict beside another figure', () => {
		const own = readNote('notes/2026-06-04-gemma-tile-retest.md', note('## Result', '', '- Mean: `60.9` output tok/s.', '', '## Decision', '', 'This is quality-safe, but it is slower than the promoted 61.5 output tok/s mean. Do not promote.', '')).observations[0];
		expect(claim(own, 'quality')).toMatchObject({ value: { passed: true } });

		const other = readNote('notes/2026-06-04-gemma-latency.md', note('## Result', '', '- Mean: `34.9` output tok/s at p512/n128.', '', 'The current quality-cleared p512/n1536 anchor is 37.55 output tok/s, so the targets are above it.', '')).observations[0];
		expect(claim(other, 'quality')).toBeUndefined();
	});

	it('does not give a gate-less verdict from a diagnosis section to the note\'s run', () => {
		const [run] = readNote('notes/2026-06-04-gemma-notebook.md', note('## Result', '', '- Mean: `37.7` output tok/s.', '', '## Current Diagnosis', '', '- The root-residual path is a promising ceiling but is not quality-cleared.', '')).observations;
		expect(claim(run, 'quality')).toBeUndefined();
	});

	it('reads a "Test | ... | Outcome" table of benchmark variants as runs, not as quality gates', () => {
		const [run] = readNote(
			'notes/2026-06-04-gemma-compile-followups.md',
			note('## Results', '', '| Test | Output tok/s | Outcome |', '| --- | ---: | --- |', '| compile `[1]` | 32.95 | Negative |', '| compile `[1,512]`, combo kernels | n/a | Failed in Inductor |', ''),
		).observations;
		expect(claim(run, 'quality')).toBeUndefined();
		expect(run.statuses.map((entry) => entry.status)).not.toContain('negative');
	});
});

describe('note reader: a decision with no figure of its own, above a baseline row and one candidate row', () => {
	const note = (rows: string[]) =>
		['# Gemma 4 fused router', '', 'Date: 2026-06-20', '', '## Result', '', '| Run | Output tok/s | Total tok/s |', '| --- | ---: | ---: |', ...rows, '', '## Decision', '', 'Reject: the fused router is slower than the baseline.', ''].join('\n');

	it('gives the decision to the candidate row, compared with the baseline row, and none to the baseline', () => {
		const { observations } = readNote('notes/2026-06-20-gemma-fused-router.md', note(['| Baseline (promoted) | 24.25 | 48.5 |', '| Fused router | 23.10 | 46.2 |']));
		const candidate = byOutput(observations, 23.1);
		const baseline = byOutput(observations, 24.25);
		expect(statuses(candidate)).toEqual(['rejected@2026-06-20']);
		expect(value(candidate, 'comparedWith')).toEqual({ outputTokPerS: 24.25, totalTokPerS: 48.5, label: 'Baseline (promoted)' });
		expect(statuses(baseline)).toEqual([]);
	});

	it('leaves a table of several candidates alone: the decision does not say which', () => {
		const { observations } = readNote('notes/2026-06-20-gemma-fused-router.md', note(['| Baseline (promoted) | 24.25 | 48.5 |', '| Fused router A | 23.10 | 46.2 |', '| Fused router B | 23.40 | 46.8 |']));
		expect(statuses(byOutput(observations, 23.1))).toEqual([]);
		expect(statuses(byOutput(observations, 23.4))).toEqual([]);
	});
});
