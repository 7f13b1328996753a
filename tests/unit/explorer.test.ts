import { describe, expect, it } from 'vitest';
import { explorerRow, filterOptions, parseState, stateToSearch, visibleRows } from '../../src/lib/records/explorer';
import { recordSchema } from '../../src/lib/schema/record';
import { completeRecord, withValue } from '../support/records';

const row = (id: string, changes: Record<string, unknown>) => {
	let input = completeRecord();
	for (const [path, value] of Object.entries(changes)) input = withValue(input, path, value);
	return explorerRow(id, recordSchema.parse(input));
};
const rows = [
	row('four-warm', { 'metrics.outputTokPerS': 83.17 }),
	row('four-cold', { warmth: 'cold', 'metrics.outputTokPerS': 69.33 }),
	row('three-warm', { 'hardware.gpuCount': 3, 'metrics.outputTokPerS': 50.13, title: 'Qwen three cards' }),
	row('total-only', { metrics: { totalTokPerS: 110.9 } }),
];

describe('records explorer', () => {
	it('filters by GPU count and warmth', () => {
		expect(visibleRows(rows, parseState('?gpuCount=4&warmth=warm')).map((r) => r.id)).toEqual(['four-warm', 'total-only']);
	});

	it('sorts by output tok/s, records without it last', () => {
		expect(visibleRows(rows, parseState('?sort=output&dir=desc')).map((r) => r.id)).toEqual(['four-warm', 'four-cold', 'three-warm', 'total-only']);
		expect(visibleRows(rows, parseState('?sort=output&dir=asc')).map((r) => r.id)).toEqual(['three-warm', 'four-cold', 'four-warm', 'total-only']);
	});

	it('filters by free text', () => {
		expect(visibleRows(rows, parseState('?q=qwen%20three')).map((r) => r.id)).toEqual(['three-warm']);
	});

	it('keeps the view in the URL and reads it back', () => {
		const state = { filters: { gpuCount: '4', warmth: 'warm' }, q: 'moe', sort: 'output' as const, dir: 'desc' as const };
		expect(stateToSearch(state)).toBe('?gpuCount=4&warmth=warm&q=moe&sort=output&dir=desc');
		expect(parseState(stateToSearch(state))).toEqual(state);
	});

	it('ignores unknown query parameters', () => {
		expect(parseState('?utm=x&sort=nope&gpuCount=4')).toEqual({ filters: { gpuCount: '4' }, q: '', sort: undefined, dir: 'desc' });
	});

	it('offers every value of each label as a filter', () => {
		expect(filterOptions(rows).gpuCount).toEqual(['3', '4']);
		expect(filterOptions(rows).warmth).toEqual(['cold', 'warm']);
	});
});
