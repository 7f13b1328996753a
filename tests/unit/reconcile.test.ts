/** Reconciliation: one run seen in several files becomes one record that keeps every source. */
import { describe, expect, it } from 'vitest';
import { fieldEvidence, sentenceEvidence, type Claim, type RunObservation } from '../../src/lib/lab/claims';
import { reconcile, statusHistory, currentStatus } from '../../src/lib/lab/reconcile';
import { laneVerdict, withLane } from '../../src/lib/lab/lanes';
import type { Lane } from '../../src/lib/schema/lanes';

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
		expect(record.statusHistory?.map((entry) => [entry.status, entry.date])).toEqual([
			['promoted', '2026-05-18'],
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
