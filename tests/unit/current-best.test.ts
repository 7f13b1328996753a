import { describe, expect, it } from 'vitest';
import { currentBestWithPredecessors } from '../../src/lib/records/current-best';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const record = (changes: Record<string, unknown>): LabRecord => {
	let input = completeRecord();
	for (const [path, value] of Object.entries(changes)) input = withValue(input, path, value);
	return recordSchema.parse(input);
};

describe('current best per track', () => {
	it('picks the best promoted record with passed quality, and its comparable predecessor with the gain', () => {
		const entries = [
			{ id: 'old', record: record({ date: '2026-05-01', status: 'historical', 'metrics.outputTokPerS': 70 }) },
			{ id: 'best', record: record({ date: '2026-05-10', 'metrics.outputTokPerS': 84 }) },
			{ id: 'faster-unchecked', record: record({ date: '2026-05-11', 'metrics.outputTokPerS': 90, quality: { method: 'not-checked', detail: 'smoke' } }) },
			{ id: 'three-cards', record: record({ date: '2026-05-09', 'hardware.gpuCount': 3, status: 'historical', 'metrics.outputTokPerS': 80 }) },
		];
		const [track] = currentBestWithPredecessors(entries);
		expect(track.best.id).toBe('best');
		expect(track.others.map((entry) => entry.id)).toEqual(['faster-unchecked']);
		expect(track.predecessor?.id).toBe('old');
		expect(track.comparison?.comparable && track.comparison.percent).toBeCloseTo(20, 5);
	});

	it('takes the promotion just before it as predecessor, also among promotions of the same day', () => {
		const promoted = (id: string, value: number) => ({ id, record: record({ date: '2026-05-18', status: 'superseded', statusHistory: [{ status: 'promoted', date: '2026-05-18', source: { basis: 'stated', file: `notes/${id}.md`, line: 3, quote: 'Promote.' } }], 'metrics.outputTokPerS': value }) });
		// Ids in alphabetical order would put "a-moe" last before "z-best"; the lab promoted them by rising figure.
		const entries = [promoted('b-clone', 87.28), promoted('a-moe', 80.6), promoted('c-logits', 82.4), { id: 'z-best', record: record({ date: '2026-05-18', 'metrics.outputTokPerS': 88.75 }) }];
		const [track] = currentBestWithPredecessors(entries);
		expect(track.best.id).toBe('z-best');
		expect(track.predecessor?.id).toBe('b-clone');
	});

	it('states no gain when nothing earlier is comparable', () => {
		const [track] = currentBestWithPredecessors([{ id: 'only', record: record({}) }]);
		expect(track.predecessor).toBeUndefined();
		expect(track.comparison).toBeUndefined();
	});
});
