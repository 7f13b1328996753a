import { describe, expect, it } from 'vitest';
import { explainNote, negativeNoteRows, negativeRecordRows, reasonCategory, settingsIn } from '../../src/lib/timeline/negatives';
import { computeTimeline, NO_COMPARABLE_RUN } from '../../src/lib/timeline/timeline';
import { validateTimeline } from '../../src/lib/schema/timeline';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const record = (changes: Record<string, unknown>): LabRecord => {
	let input = completeRecord();
	for (const [path, value] of Object.entries(changes)) input = withValue(input, path, value);
	return recordSchema.parse(input);
};

const records = new Map<string, LabRecord>([
	['base', record({ date: '2026-05-01', 'metrics.outputTokPerS': 40, 'metrics.totalTokPerS': 53 })],
	['fused', record({ date: '2026-05-02', 'metrics.outputTokPerS': 44, 'metrics.totalTokPerS': 58.3 })],
	['three-cards', record({ date: '2026-05-03', 'hardware.gpuCount': 3, metrics: { outputTokPerS: 47 } })],
	['cold', record({ date: '2026-05-04', warmth: 'cold', 'metrics.outputTokPerS': 30 })],
	['graph', record({ date: '2026-05-05', 'metrics.outputTokPerS': 48.4, status: 'rejected', notes: 'Regressed because VLLM_XPU_ENABLE_XPU_GRAPH=1 hung after warmup.' })],
]);
const file = {
	tracks: [{ id: 'mm', label: 'MiniMax' }],
	steps: ['base', 'fused', 'three-cards', 'cold', 'graph'].map((id) => ({ track: 'mm', record: id, change: `change ${id}`, why: `why ${id}`, sources: [] })),
};

describe('timeline gains', () => {
	const timeline = computeTimeline(file, records);
	const gain = (id: string) => timeline.steps.find((step) => step.recordId === id)!.gains;

	it('computes each gain against the closest earlier comparable step', () => {
		expect(gain('fused').outputTokPerS).toMatchObject({ text: '+10.00%', referenceId: 'base' });
		expect(gain('fused').totalTokPerS).toMatchObject({ text: '+10.00%', referenceId: 'base' });
		expect(gain('graph').outputTokPerS).toMatchObject({ text: '+10.00%', referenceId: 'fused' });
	});

	it('says "no comparable earlier run" for the first step, a different card count and a cold run', () => {
		expect(gain('base').outputTokPerS.text).toBe(NO_COMPARABLE_RUN);
		expect(gain('three-cards').outputTokPerS.text).toBe(NO_COMPARABLE_RUN);
		expect(gain('cold').outputTokPerS.text).toBe(NO_COMPARABLE_RUN);
		expect(gain('three-cards').totalTokPerS).toMatchObject({ text: NO_COMPARABLE_RUN, reason: 'not measured in this step' });
	});

	it('orders steps by date', () => {
		expect(timeline.steps.map((step) => step.recordId)).toEqual(['base', 'fused', 'three-cards', 'cold', 'graph']);
	});

	it('refuses a step whose record or track does not exist', () => {
		const broken = { ...file, steps: [{ track: 'qwen', record: 'missing', change: 'x', why: 'y' }] };
		const result = validateTimeline(broken, 'data/timeline.json', new Set(records.keys()));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.message).toBe(
				'data/timeline.json: steps.0.track is "qwen", which is not one of the tracks (mm).\ndata/timeline.json: steps.0.record is "missing", which is not a record. Write the id of a record in data/records/ (or an imported record).',
			);
	});
});

describe('negative results', () => {
	it('lists rejected records with the delta against their comparable reference', () => {
		const rows = negativeRecordRows([...records].map(([id, record]) => ({ id, record })));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			what: completeRecord().title,
			reference: { id: 'fused' },
			deltaText: '+10.00%',
			reasonCategory: 'hang',
			settings: ['VLLM_XPU_ENABLE_XPU_GRAPH=1'],
		});
	});

	it('shows a negative result with its labels beside its number, never a naked figure', () => {
		const [row] = negativeRecordRows([{ id: 'slow', record: record({ status: 'negative' }) }]);
		expect(row.result).toMatch(/output tok\/s$/);
		expect(row.shape).toMatch(/^p\d+\/n\d+.* · batch (\S+|not recorded) · concurrency (\S+|not recorded) · (warm|cold|warmth not recorded) · spec \S+ · quality \S+/);
	});

	it('measures a loss against the best promoted run up to its date, not a rerun of an old baseline that day', () => {
		const rows = negativeRecordRows([
			{ id: 'promoted-best', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 88.7, status: 'promoted' }) },
			{ id: 'rerun-of-old-baseline', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 66.7 }) },
			{ id: 'later-promotion', record: record({ date: '2026-05-19', 'metrics.outputTokPerS': 95, status: 'promoted' }) },
			{ id: 'tried', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 82.3, status: 'rejected' }) },
		]);
		expect(rows[0]).toMatchObject({ reference: { id: 'promoted-best' }, deltaText: '-7.22%' });
		// No promoted run to lose to: the closest earlier comparable run stands in.
		const [alone] = negativeRecordRows([
			{ id: 'earlier', record: record({ date: '2026-05-17', 'metrics.outputTokPerS': 80 }) },
			{ id: 'tried', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 82.3, status: 'rejected' }) },
		]);
		expect(alone.reference).toEqual({ id: 'earlier', title: completeRecord().title });
	});

	it('takes the reference the lab names first, and never a doubted run', () => {
		const rows = negativeRecordRows([
			{ id: 'invalid', record: record({ date: '2026-05-17', 'metrics.outputTokPerS': 99, status: 'invalidated' }) },
			{ id: 'tried', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 82.3, status: 'rejected' }) },
		]);
		expect(rows[0].reference).toBeUndefined();
		const [stated] = negativeRecordRows([
			{ id: 'promoted-best', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 88.7, status: 'promoted' }) },
			{ id: 'tried', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 86.39, status: 'rejected', comparedWith: { outputTokPerS: 88.1, label: 'in-place path', source: { basis: 'stated', file: 'notes/tried.md', line: 12 } } }) },
		]);
		expect(stated.statedReference).toContain('88.1');
		expect(stated.deltaText).toBe('-1.94%');
	});

	it('says why from the sentence that rejected the run, when the record has no notes', () => {
		const rejected = record({ status: 'rejected', notes: '' });
		rejected.statusHistory = [{ status: 'rejected', date: '2026-05-15', source: { basis: 'stated', file: 'notes/x.md', line: 9, quote: 'Decision: reject USM mode; keep CCL_ZE_IPC_EXCHANGE=pidfd as it was. It is slower.' } }];
		const [row] = negativeRecordRows([{ id: 'usm', record: rejected }]);
		expect(row.reason).toBe('Decision: reject USM mode; keep CCL_ZE_IPC_EXCHANGE=pidfd as it was.');
		expect(row.settings).toContain('CCL_ZE_IPC_EXCHANGE=pidfd');
	});

	it('says so when a negative result has no comparable reference', () => {
		const rows = negativeRecordRows([{ id: 'alone', record: record({ status: 'negative', 'hardware.gpuCount': 2 }) }]);
		expect(rows[0].deltaText).toBe('no comparable reference');
	});

	it('lists negative and blocker notes with their decision', () => {
		const rows = negativeNoteRows([
			{ path: 'notes/a.md', title: 'CCL P2P off', outcome: 'negative', engines: [], explanation: explainNote('CCL P2P off', '# CCL P2P off\n\n## Summary\n\nHung.\n\n## Decision\n\nKeep `CCL_P2P` on; it hangs at warmup.\n'), pairedData: ['data/a.json'] },
			{ path: 'notes/b.md', title: 'A win', outcome: 'positive', engines: [], pairedData: [] },
		]);
		expect(rows).toEqual([
			expect.objectContaining({ what: 'CCL P2P off', reason: 'Keep CCL_P2P on; it hangs at warmup.', reasonCategory: 'hang', settings: ['CCL_P2P'], dataPaths: ['data/a.json'] }),
		]);
	});

	it('without a Decision section, says why with the sentence the outcome was read from, not the settings the note opens with', () => {
		const body = '# Gemma 4 helper\n\nModel: example-org/Gemma-4-int4\n\nHardware: 4x Intel Arc Pro B70 32GB\n\n## Interpretation\n\nThe helper compiles and runs. For published results, the helper remains rejected because it is 3% slower.\n';
		const explanation = explainNote('Gemma 4 helper', body, 'interpretation section: "For published results, the helper remains rejected because it is..."');
		expect(explanation.verdict).toBe('For published results, the helper remains rejected because it is 3% slower.');
		expect(explanation.summary).toBe('The helper compiles and runs.');
		const [row] = negativeNoteRows([{ path: 'notes/c.md', title: 'Gemma 4 helper', outcome: 'negative', engines: [], explanation, pairedData: [] }]);
		expect(row.reason).toBe('For published results, the helper remains rejected because it is 3% slower.');
		// A title or a word or two is not a reason: the opening sentence is.
		expect(explainNote('Gemma 4 helper', body, 'title: "Gemma 4 helper negative"').verdict).toBeUndefined();
		expect(explainNote('Gemma 4 helper', body, 'decision line: "negative."').verdict).toBeUndefined();
	});

	it('sorts failures into coarse reasons', () => {
		expect(reasonCategory('UR_RESULT_ERROR_DEVICE_LOST at load')).toBe('crash or error');
		expect(reasonCategory('raw145 quality hashes differ')).toBe('quality failure');
		// A mention of quality is not a quality failure: what failed is.
		expect(reasonCategory('This result is quality-safe but slower, so it is rejected.')).toBe('regression');
		expect(reasonCategory('The candidate passed the full strict quality gate, but did not beat the promoted baseline.')).toBe('no gain');
		expect(reasonCategory('It failed the exact-hash quality canary at n256.')).toBe('quality failure');
		expect(reasonCategory('Reject. It changed greedy output and collapsed token diversity.')).toBe('quality failure');
		expect(reasonCategory('p512/n1536 regressed to 36.450')).toBe('regression');
		expect(settingsIn('set CCL_ALLREDUCE=direct and CCL_WORKER_COUNT=2')).toEqual(['CCL_ALLREDUCE=direct', 'CCL_WORKER_COUNT=2']);
	});
});
