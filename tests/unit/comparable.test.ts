import { describe, expect, it } from 'vitest';
import { closestEarlierComparable, compare, comparableGroups, comparableKey, comparableRuns } from '../../src/lib/records/comparable';
import { groupComparable, missingLabelCounts } from '../../src/lib/records/grouping';
import { recordSchema, type LabRecord } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const record = (changes: Record<string, unknown> = {}): LabRecord => {
	let input = completeRecord();
	for (const [path, value] of Object.entries(changes)) input = withValue(input, path, value);
	return recordSchema.parse(input);
};

describe('comparability', () => {
	it('compares runs with the same labels and computes the gain', () => {
		const before = record({ 'metrics.outputTokPerS': 70.006353 });
		const after = record({ 'metrics.outputTokPerS': 80.602755 });
		const result = compare(after, before, 'outputTokPerS');
		expect(result.comparable).toBe(true);
		if (result.comparable) expect(result.percent).toBeCloseTo(15.1363, 3);
	});

	it.each([
		['hardware.gpuCount', 3, 'different hardware.gpuCount'],
		['warmth', 'cold', 'different warmth'],
		['shape.outputTokens', 512, 'different shape.outputTokens'],
		['speculation', { enabled: true, method: 'ngram' }, 'different speculation'],
		['software.engine.name', 'llama.cpp', 'different software.engine.name'],
	])('refuses to compare runs with a different %s', (path, value, reason) => {
		expect(compare(record({ [path]: value }), record(), 'outputTokPerS')).toEqual({ comparable: false, reason });
	});

	it('compares a "GGUF Q4_0" record with a "Q4_0" one, but not with Q4_1', () => {
		const before = record({ 'model.quantization': 'GGUF Q4_0', 'metrics.outputTokPerS': 50 });
		const after = record({ 'model.quantization': 'Q4_0', 'metrics.outputTokPerS': 55 });
		expect(compare(after, before, 'outputTokPerS')).toMatchObject({ comparable: true, percent: 10 });
		expect(compare(record({ 'model.quantization': 'Q4_1' }), before, 'outputTokPerS')).toEqual({ comparable: false, reason: 'different model.quantization' });
	});

	it('refuses to compare different metrics', () => {
		const totalOnly = record({ metrics: { totalTokPerS: 110 } });
		expect(compare(record(), totalOnly, 'outputTokPerS')).toEqual({ comparable: false, reason: 'output tok/s not measured in both' });
	});

	it('refuses records with labels not recorded', () => {
		const legacy = recordSchema.parse(withValue(withValue(completeRecord(), 'warmth', 'not recorded'), 'source', { kind: 'imported', from: 'x' }));
		expect(comparableKey(legacy)).toBeUndefined();
		expect(compare(legacy, record(), 'outputTokPerS')).toEqual({ comparable: false, reason: 'incomplete labels: warmth' });
	});

	it('finds the closest earlier comparable run, skipping incomparable ones', () => {
		const entries = [
			{ id: 'a', record: record({ date: '2026-05-01', 'metrics.outputTokPerS': 60 }) },
			{ id: 'b', record: record({ date: '2026-05-03', 'metrics.outputTokPerS': 70 }) },
			{ id: 'c', record: record({ date: '2026-05-04', 'hardware.gpuCount': 3, 'metrics.outputTokPerS': 75 }) },
			{ id: 'd', record: record({ date: '2026-05-05', 'metrics.outputTokPerS': 80 }) },
		];
		expect(closestEarlierComparable(entries[3], entries, 'outputTokPerS')?.id).toBe('b');
		expect(closestEarlierComparable(entries[2], entries, 'outputTokPerS')).toBeUndefined();
		expect(closestEarlierComparable(entries[0], entries, 'outputTokPerS')).toBeUndefined();
	});
});

describe('comparable runs of a record', () => {
	it('lists the most recent comparable runs with the gain, and counts the rest', () => {
		const target = { id: 't', record: record({ date: '2026-05-10', 'metrics.outputTokPerS': 88 }) };
		const all = [
			target,
			{ id: 'old', record: record({ date: '2026-05-01', 'metrics.outputTokPerS': 80 }) },
			{ id: 'newer', record: record({ date: '2026-05-05', 'metrics.outputTokPerS': 84 }) },
			{ id: 'three', record: record({ 'hardware.gpuCount': 3 }) },
		];
		const runs = comparableRuns(target, all, 1);
		expect(runs.total).toBe(2);
		expect(runs.shown).toHaveLength(1);
		expect(runs.shown[0]).toMatchObject({ id: 'newer', metric: 'outputTokPerS', comparison: { comparable: true } });
		if (runs.shown[0].comparison?.comparable) expect(runs.shown[0].comparison.percent).toBeCloseTo(4.762, 3);
		// The same answer from the group a build works out once for every record page.
		const group = comparableGroups(all).get(comparableKey(target.record)!)!;
		expect(group.map((entry) => entry.id)).toEqual(['t', 'newer', 'old']);
		expect(comparableRuns(target, group, 1)).toEqual(runs);
	});
});

describe('like-for-like grouping', () => {
	it('ranks only inside a group and never ranks incomplete records', () => {
		const legacy = recordSchema.parse(withValue(withValue(completeRecord(), 'warmth', 'not recorded'), 'source', { kind: 'imported', from: 'x' }));
		const entries = [
			{ id: 'four-slow', record: record({ 'metrics.outputTokPerS': 70 }) },
			{ id: 'four-fast', record: record({ 'metrics.outputTokPerS': 85 }) },
			{ id: 'three', record: record({ 'hardware.gpuCount': 3, 'metrics.outputTokPerS': 90 }) },
			{ id: 'legacy', record: legacy },
		];
		const grouping = groupComparable(entries, 'outputTokPerS');
		expect(grouping.groups.map((group) => group.entries.map(({ entry, rank }) => [entry.id, rank]))).toEqual([
			[['four-fast', 1], ['four-slow', 2]],
			[['three', 1]],
		]);
		expect(grouping.incomplete.map(({ entry, missing }) => [entry.id, missing])).toEqual([['legacy', ['warmth']]]);
	});
});

describe('what unranked records lack', () => {
	it('counts each missing label over the records, most often missing first, ties by name', () => {
		expect(missingLabelCounts([{ missing: ['warmth', 'quality'] }, { missing: ['warmth'] }, { missing: ['model.id', 'quality'] }])).toEqual([
			['quality', 2],
			['warmth', 2],
			['model.id', 1],
		]);
		expect(missingLabelCounts([])).toEqual([]);
	});
});
