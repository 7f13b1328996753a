/** Reconciliation: one run seen in several files becomes one record that keeps every source. */
import { describe, expect, it } from 'vitest';
import { fieldEvidence, sentenceEvidence, type Claim, type RunObservation } from '../../src/lib/lab/claims';
import { reconcile, statusHistory, currentStatus, markSuperseded } from '../../src/lib/lab/reconcile';
import { laneVerdict, withLane } from '../../src/lib/lab/lanes';
import type { Lane } from '../../src/lib/schema/lanes';
import { projectTracks, trackOf } from '../../src/lib/lab/tracks';

const ID = 'cmaaaaaaaaaaaaaaaaaaaaaaa';
const recorded = (file: string, field: string, value: unknown, jsonPath = field): Claim => ({ field, value, basis: 'recorded', evidence: fieldEvidence(file, jsonPath) });
const stated = (file: string, line: number, field: string, value: unknown, quote: string): Claim => ({ field, value, basis: 'stated', evidence: sentenceEvidence(file, line, quote) });

const LANE: Lane = {
	id: 'strict',
	version: 1,
	label: 'Strict lane',
	track: 'minimax',
	description: 'test lane',
	match: { 'model.id': 'MiniMax-M2.7', 'shape.promptTokens': 512, 'shape.outputTokens': 1536 },
	fixed: { 'shape.contextLength': 2048, 'shape.batchSize': 1, warmth: 'warm', speculation: { enabled: false } },
	qualityGates: [],
	sources: [],
};
const context = { lanes: [LANE], trackOf: (text: string) => (/minimax/i.test(text) ? 'minimax' : undefined) };

const note: RunObservation = {
	source: 'notes/2026-05-18-minimax-win.md',
	keys: { files: ['data/minimax-win-20260518.json'], outputTokPerS: 88.748424 },
	title: 'MiniMax skip-clone win',
	date: '2026-05-18',
	claims: [stated('notes/2026-05-18-minimax-win.md', 12, 'metrics.outputTokPerS', 88.748424, 'Mean 88.748424 output tok/s over four repeats.')],
	statuses: [{ status: 'promoted', date: '2026-05-18', basis: 'stated', evidence: sentenceEvidence('notes/2026-05-18-minimax-win.md', 20, 'Promote as the current strict result.') }],
};
const data: RunObservation = {
	source: 'data/minimax-win-20260518.json',
	keys: { localmaxxingId: ID, outputTokPerS: 88.74842422812014 },
	date: '2026-05-18',
	claims: [
		recorded('data/minimax-win-20260518.json', 'metrics.outputTokPerS', 88.74842422812014, 'performance.mean_output_toks_per_second'),
		recorded('data/minimax-win-20260518.json', 'shape.promptTokens', 512, 'shape.prompt_tokens'),
		recorded('data/minimax-win-20260518.json', 'shape.outputTokens', 1536, 'shape.output_tokens'),
		recorded('data/minimax-win-20260518.json', 'quality', { method: 'exact-token-hashes', detail: 'raw145 n64/n256', passed: true }, 'quality.passed'),
	],
	statuses: [{ status: 'promoted', date: '2026-05-18', basis: 'recorded', evidence: fieldEvidence('data/minimax-win-20260518.json', 'status') }],
};
const payload: RunObservation = {
	source: 'data/localmaxxing-minimax-win-20260518.payload.json',
	keys: { localmaxxingId: ID },
	claims: [
		recorded('data/localmaxxing-minimax-win-20260518.payload.json', 'model.id', 'Lasimeri/MiniMax-M2.7-int4-AutoRound', 'hfId'),
		recorded('data/localmaxxing-minimax-win-20260518.payload.json', 'hardware.gpuCount', 4, 'hardware.gpuCount'),
		recorded('data/localmaxxing-minimax-win-20260518.payload.json', 'metrics.totalTokPerS', 118.33123230416018, 'tokSTotal'),
	],
	statuses: [{ status: 'accepted', date: '2026-05-19', basis: 'recorded', evidence: fieldEvidence('data/localmaxxing-responses/minimax-win.response.json', 'status') }],
};
const current: RunObservation = {
	source: 'CURRENT.md',
	keys: { localmaxxingId: ID, outputTokPerS: 88.748424 },
	title: 'MiniMax M2.7',
	track: 'MiniMax M2.7',
	date: '2026-05-19',
	claims: [stated('CURRENT.md', 11, 'metrics.totalTokPerS', 118.5, 'Result: `88.748424` output tok/s, `118.5` total tok/s')],
	statuses: [{ status: 'promoted', date: '2026-05-19', basis: 'stated', evidence: sentenceEvidence('CURRENT.md', 5, 'Current strict quality-passed speed result:') }],
};

describe('reconciling one run seen in four files', () => {
	const { records } = reconcile([note, data, payload, current], context);

	it('makes one record that keeps every source', () => {
		expect(records).toHaveLength(1);
		expect(records[0].record.sources).toEqual([
			'CURRENT.md',
			'data/localmaxxing-minimax-win-20260518.payload.json',
			'data/minimax-win-20260518.json',
			'notes/2026-05-18-minimax-win.md',
		]);
		expect(records[0].record.localmaxxingId).toBe(ID);
		expect(records[0].record.title).toBe('MiniMax skip-clone win');
	});

	it('takes a structured field over a sentence, and says where each label came from', () => {
		const { record } = records[0];
		expect(record.metrics.outputTokPerS).toBe(88.74842422812014);
		expect(record.labelSources?.['metrics.outputTokPerS']).toEqual({ basis: 'recorded', file: 'data/minimax-win-20260518.json', jsonPath: 'performance.mean_output_toks_per_second' });
		expect(record.labelSources?.quality).toMatchObject({ basis: 'recorded', file: 'data/minimax-win-20260518.json' });
	});

	it('keeps a disagreement between sources instead of averaging it away', () => {
		const conflict = records[0].record.conflicts?.find((entry) => entry.label === 'metrics.totalTokPerS');
		expect(conflict?.values.map((entry) => entry.value)).toEqual([118.33123230416018, 118.5]);
		expect(conflict?.values[1].source).toMatchObject({ basis: 'stated', file: 'CURRENT.md', line: 11 });
	});

	it('joins the lane its own labels match, and takes the rest from the lane, marked as such', () => {
		const { record } = records[0];
		expect(record.lane).toBe('strict');
		expect(record.warmth).toBe('warm');
		expect(record.labelSources?.warmth).toEqual({ basis: 'lane', file: 'data/lanes.json', lane: 'strict' });
		expect(record.labelSources?.['shape.promptTokens']?.basis).toBe('recorded');
	});

	it('is promoted, with a dated history; the LocalMaxxing acceptance does not hide the promotion', () => {
		const { record } = records[0];
		expect(record.status).toBe('promoted');
		// The note and the data file promote it the same day: one step, not two.
		expect(record.statusHistory?.map((entry) => [entry.status, entry.date])).toEqual([
			['promoted', '2026-05-18'],
			['accepted', '2026-05-19'],
			['promoted', '2026-05-19'],
		]);
	});
});

describe('what reconciliation never guesses', () => {
	it('leaves warmth "not recorded" for a run outside any lane whose sources are silent on it', () => {
		const silent: RunObservation = { ...note, keys: {}, claims: [stated(note.source, 3, 'metrics.outputTokPerS', 41.2, '41.2 output tok/s')], statuses: [] };
		const { records } = reconcile([silent], { lanes: [], trackOf: context.trackOf });
		expect(records[0].record.warmth).toBe('not recorded');
		expect(records[0].record.labelSources?.warmth).toBeUndefined();
	});

	it('keeps two runs with different LocalMaxxing ids apart even when they print the same number', () => {
		const a: RunObservation = { source: 'data/a-20260501.json', keys: { localmaxxingId: ID, outputTokPerS: 50.123456 }, date: '2026-05-01', claims: [recorded('data/a-20260501.json', 'metrics.outputTokPerS', 50.123456)], statuses: [] };
		const b: RunObservation = { ...a, source: 'data/b-20260501.json', keys: { localmaxxingId: 'cmbbbbbbbbbbbbbbbbbbbbbbb', outputTokPerS: 50.123456 } };
		expect(reconcile([a, b], context).records).toHaveLength(2);
	});
});

describe('a note that names a run it did not measure', () => {
	it('keeps a rerun that quotes the submitted run\'s id beside a clearly different number apart, and its verdict off that run', () => {
		const rerun: RunObservation = {
			source: 'notes/2026-05-19-minimax-baseline-confirm.md',
			keys: { localmaxxingId: ID, outputTokPerS: 87.2 },
			date: '2026-05-19',
			claims: [stated('notes/2026-05-19-minimax-baseline-confirm.md', 9, 'metrics.outputTokPerS', 87.2, 'The repeat averaged 87.2 output tok/s.')],
			statuses: [{ status: 'rejected', date: '2026-05-19', basis: 'stated', evidence: sentenceEvidence('notes/2026-05-19-minimax-baseline-confirm.md', 12, 'Do not submit this lower repeat.') }],
		};
		const { records } = reconcile([note, data, rerun], context);
		const submitted = records.find((entry) => entry.record.localmaxxingId === ID)!;
		expect(submitted.record.metrics.outputTokPerS).toBeCloseTo(88.748424, 5);
		expect(submitted.record.statusHistory?.map((entry) => entry.status)).not.toContain('rejected');
		expect(records.some((entry) => entry.record.metrics.outputTokPerS === 87.2)).toBe(true);
	});

	it('still joins a source that rounds the submitted figure', () => {
		const rounded: RunObservation = { ...note, source: 'notes/2026-05-19-summary.md', keys: { localmaxxingId: ID, outputTokPerS: 88.75 }, claims: [], statuses: [] };
		const { records } = reconcile([note, data, rounded], context);
		expect(records).toHaveLength(1);
	});
});

describe('quality: a gate verdict and guardrails about one run', () => {
	it('shows the verdict, and does not count the guardrails as a disagreement', () => {
		const guardrails = stated(note.source, 8, 'quality', { method: 'guardrails', detail: 'Quality guardrail: no model change.' }, 'Quality guardrail: no model change.');
		const { records } = reconcile([{ ...note, claims: [...note.claims, guardrails] }, data, payload], context);
		expect(records).toHaveLength(1);
		expect(records[0].record.quality).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(records[0].record.conflicts?.some((conflict) => conflict.label === 'quality')).toBeFalsy();
	});
});

describe('quality: a verdict that names its gates and one that does not', () => {
	it('shows the verdict that names the gates, even when the other is a structured field of a data file', () => {
		const gateless = recorded('data/minimax-sweep-20260519.json', 'quality', { method: 'gates-not-named', detail: 'quality_passed', passed: true }, 'promoted_baseline.status');
		const sweep: RunObservation = { source: 'data/minimax-sweep-20260519.json', keys: { localmaxxingId: ID }, claims: [gateless], statuses: [] };
		const { records } = reconcile([sweep, note, data, payload], context);
		expect(records[0].record.quality).toMatchObject({ method: 'exact-token-hashes', passed: true });
		expect(records[0].record.labelSources?.quality).toMatchObject({ file: 'data/minimax-win-20260518.json' });
	});
});

describe('one run in a note table and in its data file', () => {
	const dataRun = (output: number, extra: Partial<RunObservation['keys']> = {}): RunObservation => ({
		source: 'data/minimax-census-20260510.json',
		keys: { files: ['data/minimax-census-20260510.json'], outputTokPerS: output, ...extra },
		date: '2026-05-10',
		claims: [recorded('data/minimax-census-20260510.json', 'metrics.outputTokPerS', output, 'runs[0].tokSOut')],
		statuses: [],
	});
	const noteRow = (output: number, extra: Partial<RunObservation['keys']> = {}): RunObservation => ({
		source: 'notes/2026-05-10-minimax-census.md',
		keys: { outputTokPerS: output, ...extra },
		date: '2026-05-10',
		title: `row ${output}`,
		claims: [stated('notes/2026-05-10-minimax-census.md', 20, 'metrics.outputTokPerS', output, `| row | ${output} |`)],
		statuses: [],
	});

	it('are one record when the note is paired with the data file and prints its figure rounded', () => {
		const { records } = reconcile([dataRun(36.61648613), dataRun(33.25822679), noteRow(36.616), noteRow(33.258)], { ...context, pairedNoteOf: (path: string) => (path === 'data/minimax-census-20260510.json' ? 'notes/2026-05-10-minimax-census.md' : undefined) });
		expect(records).toHaveLength(2);
		expect(records.every((run) => run.record.sources?.includes('notes/2026-05-10-minimax-census.md'))).toBe(true);
	});

	it('stay apart without the pairing, or when two runs of the file round alike', () => {
		expect(reconcile([dataRun(36.61648613), noteRow(36.616)], context).records).toHaveLength(2);
		const paired = { ...context, pairedNoteOf: () => 'notes/2026-05-10-minimax-census.md' };
		expect(reconcile([dataRun(36.6164), dataRun(36.6158), noteRow(36.616)], paired).records).toHaveLength(3);
	});

	it('are not joined by a precise total alone when their output figures differ (a quoted baseline)', () => {
		const withTotal = (observation: RunObservation, total: number): RunObservation => ({ ...observation, claims: [...observation.claims, recorded(observation.source, 'metrics.totalTokPerS', total, 'total')] });
		expect(reconcile([withTotal(dataRun(61.404035), 81.872046), withTotal(noteRow(60.642), 81.872046)], context).records).toHaveLength(2);
		expect(reconcile([withTotal(dataRun(37.1700), 49.55778558), withTotal(noteRow(37.17), 49.557786)], context).records).toHaveLength(1);
	});

	it('are one record when both name the same timestamped log', () => {
		const log = '/home/lab/bench/minimax-p512n1536-20260510T034709Z.log';
		expect(reconcile([dataRun(33.25822679, { artifacts: [log] }), noteRow(33.26, { artifacts: [log] })], context).records).toHaveLength(1);
	});
});

describe('a doubt about a family of earlier runs named by a rough figure', () => {
	const run = (source: string, output: number, date: string, track = 'minimax'): RunObservation => ({
		source,
		keys: { files: [source], outputTokPerS: output },
		title: `MiniMax screen ${output}`,
		track,
		date,
		claims: [recorded(source, 'metrics.outputTokPerS', output, 'tok_s_out')],
		statuses: [],
	});
	const doubt: RunObservation = {
		source: 'notes/2026-05-15-minimax-repair.md',
		keys: { outputRange: { low: 72.5, high: 73.5 } },
		track: 'minimax',
		date: '2026-05-15',
		claims: [],
		statuses: [{ status: 'invalidated', date: '2026-05-15', basis: 'stated', evidence: sentenceEvidence('notes/2026-05-15-minimax-repair.md', 9, 'The older ~73 tok/s family remains speed-only diagnostic data.') }],
	};
	const status = (records: ReturnType<typeof reconcile>['records'], output: number) => records.find((entry) => entry.record.metrics.outputTokPerS === output)?.record.status;

	it('invalidates the earlier runs of its track inside the range, citing the sentence, and no other run', () => {
		const { records } = reconcile(
			[run('data/minimax-a-20260513.json', 73.11, '2026-05-13'), run('data/minimax-b-20260513.json', 71.46, '2026-05-13'), run('data/minimax-c-20260516.json', 73.02, '2026-05-16'), run('data/qwen-d-20260513.json', 73.2, '2026-05-13', 'qwen'), doubt],
			{ ...context, trackOf: (text: string) => (/qwen/i.test(text) ? 'qwen' : /minimax/i.test(text) ? 'minimax' : undefined) },
		);
		expect(records).toHaveLength(4);
		expect(status(records, 73.11)).toBe('invalidated');
		expect(records.find((entry) => entry.record.metrics.outputTokPerS === 73.11)?.record.statusHistory?.at(-1)).toMatchObject({ date: '2026-05-15', source: { basis: 'stated', file: 'notes/2026-05-15-minimax-repair.md', line: 9 } });
		expect(status(records, 71.46)).toBe('candidate');
		expect(status(records, 73.02)).toBe('candidate');
		expect(status(records, 73.2)).toBe('candidate');
	});

	it('does not overturn a run the lab promoted: a rough figure names no run precisely enough', () => {
		const promoted = { ...run('data/minimax-e-20260514.json', 72.9, '2026-05-14'), statuses: [{ status: 'promoted' as const, date: '2026-05-14', basis: 'stated' as const, evidence: sentenceEvidence('notes/2026-05-14-minimax-e.md', 30, 'Promote as the current best.') }] };
		expect(status(reconcile([promoted, doubt], context).records, 72.9)).toBe('promoted');
	});
});

describe('status over time', () => {
	const evidence = sentenceEvidence('notes/x.md', 1, 'quote');
	it('can be valid, then suspect, then valid again; the last word wins', () => {
		const history = statusHistory(
			[
				{ status: 'promoted', date: '2026-05-13', basis: 'stated', evidence },
				{ status: 'suspect', date: '2026-05-14', basis: 'stated', evidence },
				{ status: 'promoted', date: '2026-05-16', basis: 'stated', evidence },
			],
			'2026-05-13',
		);
		expect(currentStatus(history)).toBe('promoted');
		expect(currentStatus(history.slice(0, 2))).toBe('suspect');
	});

	it('dates no status before its run: a running summary\'s old Date line gives way to the run\'s day', () => {
		const history = statusHistory(
			[
				{ status: 'promoted', date: '2026-05-04', basis: 'stated', evidence },
				{ status: 'suspect', date: '2026-05-09', basis: 'stated', evidence },
			],
			'2026-05-07',
		);
		expect(history.map((entry) => `${entry.status}@${entry.date}`)).toEqual(['promoted@2026-05-07', 'suspect@2026-05-09']);
	});

	it('outside lanes, a later promotion replaces an earlier one on as many cards only', () => {
		const promotedRun = (id: string, date: string, gpuCount: number | 'not recorded', outputTokPerS: number) =>
			({
				id,
				record: {
					title: id,
					date,
					track: 'qwen-q4',
					status: 'promoted',
					statusHistory: [{ status: 'promoted', date, source: { basis: 'stated', file: 'notes/x.md', line: 1, quote: 'current best' } }],
					hardware: { gpuCount },
					metrics: { outputTokPerS },
					source: { kind: 'imported', from: 'notes/x.md' },
				},
			}) as unknown as Parameters<typeof markSuperseded>[0][number];
		const statuses = (runs: Parameters<typeof markSuperseded>[0]) => Object.fromEntries(markSuperseded(runs).map((run) => [run.id, run.record.status]));
		// The lab's best four-card run stays promoted beside a later three-card best.
		expect(statuses([promotedRun('four-cards', '2026-05-06', 4, 44.1), promotedRun('three-cards', '2026-05-07', 3, 50.1)])).toEqual({ 'four-cards': 'promoted', 'three-cards': 'promoted' });
		expect(statuses([promotedRun('three-old', '2026-05-05', 3, 49.4), promotedRun('three-new', '2026-05-07', 3, 50.1)])).toEqual({ 'three-old': 'superseded', 'three-new': 'promoted' });
		// A run that does not say how many cards it used is replaced by any later promotion, as before.
		expect(statuses([promotedRun('unsaid', '2026-05-05', 'not recorded', 40), promotedRun('three-new', '2026-05-07', 3, 50.1)])).toEqual({ unsaid: 'superseded', 'three-new': 'promoted' });
	});

	it('on the same day, an invalidation comes after the promotion it overturns', () => {
		const history = statusHistory(
			[
				{ status: 'invalidated', date: '2026-05-13', basis: 'stated', evidence },
				{ status: 'promoted', date: '2026-05-13', basis: 'stated', evidence },
			],
			undefined,
		);
		expect(currentStatus(history)).toBe('invalidated');
	});

	it('marks an older promotion in the same lane as superseded on the day of the newer one', () => {
		const older: RunObservation = { ...data, source: 'data/old-20260510.json', keys: { localmaxxingId: 'cmcccccccccccccccccccccccc'.slice(0, 25) }, date: '2026-05-10', claims: [...data.claims.map((claim) => (claim.field === 'metrics.outputTokPerS' ? { ...claim, value: 80.6 } : claim)), recorded('data/old-20260510.json', 'model.id', 'MiniMax-M2.7-int4')], statuses: [{ ...data.statuses[0], date: '2026-05-10' }] };
		const { records } = reconcile([older, note, data, payload], context);
		const old = records.find((run) => run.record.date === '2026-05-10')!;
		expect(old.record.status).toBe('superseded');
		expect(old.record.statusHistory?.at(-1)).toMatchObject({ status: 'superseded', date: '2026-05-18' });
	});
});

describe('lanes', () => {
	it('refuse a record whose stated label contradicts what the lane fixes, naming the label', () => {
		const { records } = reconcile([note, data, payload], context);
		const record = { ...records[0].record, lane: undefined, shape: { ...records[0].record.shape, contextLength: 4096 } };
		const verdict = laneVerdict(record, LANE);
		expect(verdict).toEqual({ lane: LANE, joins: false, reason: 'shape.contextLength is 4096, the lane fixes 2048' });
		expect(withLane(record, [LANE]).lane).toBeUndefined();
	});

	it('keep a run whose sources give guardrails only, without filling in the lane\'s gate verdict', () => {
		const GATED: Lane = { ...LANE, fixed: { ...LANE.fixed, quality: { method: 'exact-token-hashes', detail: 'lane gates', passed: true } } };
		const guardrails = recorded('data/screen-20260515.json', 'quality', { method: 'guardrails', detail: 'no model or sampler change' }, 'quality_guardrail');
		const screen: RunObservation = { ...note, statuses: [], date: '2026-05-15', claims: note.claims.concat(guardrails, stated(note.source, 4, 'model.id', 'MiniMax-M2.7', 'Model: MiniMax-M2.7'), stated(note.source, 5, 'shape.promptTokens', 512, 'p512'), stated(note.source, 6, 'shape.outputTokens', 1536, 'n1536')) };
		const [run] = reconcile([screen], { ...context, lanes: [GATED] }).records;
		expect(run.record.lane).toBe(GATED.id);
		expect(run.record.quality).toEqual({ method: 'guardrails', detail: 'no model or sampler change' });
		expect(run.record.labelSources?.quality).toMatchObject({ basis: 'recorded', file: 'data/screen-20260515.json' });
	});

	it('vouch for the quality of a run only from the day the lab ran the gates on every benchmark', () => {
		const GATED: Lane = { ...LANE, fixed: { ...LANE.fixed, quality: { method: 'exact-token-hashes', detail: 'lane gates', passed: true } }, qualityGatesSince: '2026-05-14' };
		const run = (date: string) => ({ ...note, date, statuses: [], claims: note.claims.concat(stated(note.source, 4, 'model.id', 'MiniMax-M2.7', 'Model: MiniMax-M2.7'), stated(note.source, 5, 'shape.promptTokens', 512, 'p512'), stated(note.source, 6, 'shape.outputTokens', 1536, 'n1536')) });
		const [before] = reconcile([run('2026-05-12')], { ...context, lanes: [GATED] }).records;
		const [after] = reconcile([run('2026-05-15')], { ...context, lanes: [GATED] }).records;
		expect(before.record.lane).toBe(GATED.id);
		expect(before.record.quality).toBe('not recorded');
		expect(before.record.warmth).toBe('warm');
		expect(after.record.quality).toMatchObject({ passed: true });
		expect(after.record.labelSources?.quality).toMatchObject({ basis: 'lane' });
	});
});

describe('the track of a run a ledger files under another model', () => {
	const tracks = projectTracks();
	const trackContext = {
		lanes: [],
		trackOf: (text: string) => trackOf({ name: text, title: text }, tracks),
		modelTrackOf: (text: string) => trackOf({ name: text, title: text }, tracks.filter((track) => track.model)),
	};
	const LEDGER = 'notes/localmaxxing-submissions.md';
	const row = (line: number, label: string, output: number, model?: string): RunObservation => ({
		source: LEDGER,
		keys: { outputTokPerS: output },
		title: label,
		track: 'qwen-int4-autoround',
		date: '2026-05-04',
		claims: [
			stated(LEDGER, line, 'metrics.outputTokPerS', output, `| ${label} | ${output} |`),
			...(model ? [stated(LEDGER, line - 3, 'model.id', model, `Model: ${model}`)] : []),
		],
		statuses: [],
	});
	const trackOfRun = (observation: RunObservation) => reconcile([observation], trackContext).records[0]?.record.track;

	it('follows the run\'s own model and label over the ledger note\'s track', () => {
		expect(trackOfRun(row(20, 'llamacpp-qwen36-27b-q4_0-sycl-tp3-root213-512', 41.737, 'z-lab/Qwen3.6-27B-DFlash'))).toBe('qwen-q4-gguf');
		expect(trackOfRun(row(30, 'vllm-qwen36-27b-fp8-xpu-tp2-p512-n512', 30.1, 'Qwen/Qwen3.6-27B-FP8'))).toBe('qwen-fp8-vllm');
	});

	it('reads the model before the label, so an int4 model run through vLLM is not filed under FP8', () => {
		expect(trackOfRun(row(12, 'vllm-int4-tp2-b70-nonmtp-500-256', 49.1, 'Lorbus/Qwen3.6-27B-int4-AutoRound'))).toBe('qwen-int4-autoround');
	});

	it('keeps the note\'s track for a run whose model is not stated', () => {
		expect(trackOfRun(row(40, 'llamacpp-qwen36-27b-q4_0-sycl-tp2-512', 37.69))).toBe('qwen-int4-autoround');
	});
});
